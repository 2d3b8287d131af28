# Tawasol: messages in French. Keys must exist in ar, fr and zgh (a test checks).

## Problems (RFC 9457): each kind has a title and a description on its /problems/<kind> page.

problem-not-found-title = Ressource introuvable
problem-not-found-description = Rien n’existe à cette adresse, ou l’objet demandé n’existe pas (plus).
problem-method-not-allowed-title = Méthode non autorisée
problem-method-not-allowed-description = Cette adresse existe mais n’accepte pas cette méthode HTTP. L’en-tête Allow liste celles qu’elle accepte.
problem-payload-too-large-title = Corps de requête trop volumineux
problem-payload-too-large-description = Le corps de la requête dépasse la taille maximale acceptée par ce serveur.
problem-unsupported-media-type-title = Type de contenu non pris en charge
problem-unsupported-media-type-description = Le corps doit être envoyé en JSON, avec l’en-tête Content-Type: application/json.
problem-malformed-body-title = Corps de requête illisible
problem-malformed-body-description = Le corps de la requête n’est pas du JSON valide en UTF-8.
problem-validation-title = Certains champs ne sont pas acceptables
problem-validation-description = Le corps est du JSON valide, mais des champs sont inconnus, manquants ou incorrects. La liste errors indique chaque champ par un pointeur JSON (RFC 6901) et dit ce qui ne va pas.
problem-invalid-parameter-title = Paramètre invalide
problem-invalid-parameter-description = Un paramètre de l’adresse (après le ?) n’a pas une valeur acceptable. La liste errors nomme chaque paramètre.
problem-conflict-title = Conflit avec l’état actuel
problem-conflict-description = La demande est valide mais ne s’applique pas à l’objet dans son état actuel (déjà fait, ou étape qui ne suit pas la précédente).
problem-unauthorized-title = Authentification requise
problem-unauthorized-description = Cette action demande d’être connecté avec un jeton d’accès valide (en-tête Authorization: Bearer), ou les identifiants donnés sont faux.
problem-forbidden-title = Action non permise
problem-forbidden-description = Vous êtes connecté, mais votre compte ne permet pas cette action (adresse non confirmée, compte suspendu, ou rôle manquant).
problem-invalid-token-title = Lien ou jeton invalide
problem-invalid-token-description = Le lien ou le jeton est inconnu, a déjà servi ou a expiré. Demandez-en un nouveau.
problem-too-many-requests-title = Trop de tentatives
problem-too-many-requests-description = Trop de demandes en peu de temps. Réessayez après le délai indiqué par l’en-tête Retry-After.
problem-forbidden-transition-title = Changement d’état impossible
problem-forbidden-transition-description = Le signalement ne peut pas passer de son état actuel à celui demandé (par exemple d’un état clos à « en cours »), ou le délai pour le rouvrir est passé.
problem-internal-title = Erreur interne
problem-internal-description = Une erreur imprévue s’est produite de notre côté. Rien de ce que vous avez envoyé n’a été enregistré à moitié. Citez l’identifiant de requête si vous la signalez.
problem-service-unavailable-title = Service momentanément indisponible
problem-service-unavailable-description = Le serveur ne peut pas répondre pour l’instant (base de données injoignable ou mise à jour en cours). Réessayez après le délai indiqué par l’en-tête Retry-After.

problem-page-status = Statut HTTP
problem-page-type = Type
problem-page-back = Documentation de l’API

## Details

detail-route-not-found = Aucune ressource à l’adresse { $path }.
detail-commune-not-found = Aucune commune ne porte l’identifiant « { $slug } ».
detail-method-not-allowed = Cette adresse accepte : { $allow }.
detail-payload-too-large = Le corps dépasse { $limit } octets.
detail-unsupported-media-type = Envoyez le corps en application/json.
detail-malformed-body = Le corps n’est pas du JSON valide (ligne { $line }, colonne { $column }).
detail-validation = Corrigez les champs listés dans errors.
detail-invalid-parameter = Corrigez les paramètres listés dans errors.
detail-outbox-not-found = Aucun message { $id } dans la file d’envoi.
detail-outbox-not-dead = Le message { $id } n’est pas abandonné : seuls les messages abandonnés peuvent être remis en file.
detail-bad-credentials = Adresse ou mot de passe incorrect.
detail-not-authenticated = Connectez-vous pour faire cela.
detail-invalid-token = Ce lien n’est plus valable : demandez-en un nouveau.
detail-too-many-requests = Trop de tentatives. Réessayez plus tard.
detail-banned = Votre compte est suspendu.
detail-unverified = Confirmez d’abord votre adresse avec le lien reçu par courriel.
detail-not-permitted = Votre rôle ne permet pas cette action.
detail-user-not-found = Aucun compte { $id }.
detail-organisation-not-found = Aucune organisation { $id }.
detail-registration-accepted = Si cette adresse peut recevoir du courrier, un message vient d’y être envoyé pour la suite.
detail-issue-not-found = Aucun signalement { $id }.
detail-forbidden-transition = Un signalement « { $from } » ne peut pas devenir « { $to } ».
detail-reopen-window-closed = Un signalement résolu peut être rouvert pendant 30 jours seulement.
detail-idempotency-in-flight = Une requête avec cette clé d’idempotence est encore en cours. Réessayez dans un instant.
detail-idempotency-mismatch = Cette clé d’idempotence a déjà servi pour une autre requête.
detail-edit-window-closed = Une réponse ne peut être corrigée que dans les 15 minutes qui suivent sa publication.
detail-official-answer-is-record = Une réponse officielle fait partie du registre public : elle ne peut pas être masquée.
detail-internal = Une erreur imprévue s’est produite. Identifiant de la requête : { $request_id }.
detail-database-unavailable = La base de données est injoignable. Réessayez dans quelques secondes.
detail-migrations-pending = La base de données est en cours de mise à jour. Réessayez dans quelques secondes.

## Errors on one field or parameter

field-email = Donnez une adresse électronique valide.
field-password = Le mot de passe doit compter de 10 à 128 caractères.
field-display-name = Donnez un nom de 1 à 80 caractères.
field-title = Donnez un titre de 1 à 120 caractères.
field-commune = Aucune commune ne porte cet identifiant.
field-arrondissement = Cet arrondissement n’existe pas dans cette commune.
field-category = Cette catégorie n’existe pas dans cette commune.
field-date = Donnez une date passée au format AAAA-MM-JJ.
field-no-such-account = Aucun compte n’utilise cette adresse.
field-issue-title = Donnez un titre de 5 à 140 caractères, sur une ligne.
field-issue-description = Décrivez le problème en 10 à 5 000 caractères.
field-location = Donnez une latitude entre -90 et 90 et une longitude entre -180 et 180.
field-location-outside = Ce lieu est en dehors de la commune choisie.
field-note = Expliquez ce changement en une note (2 000 caractères au plus).
field-expected-on = Un signalement programmé a besoin d’une date prévue, aujourd’hui ou plus tard.
field-responsible-body = Nommez l’organisme compétent (par exemple le gestionnaire délégué de l’eau).
field-duplicate-of = Indiquez le numéro d’un autre signalement, public.
field-reply-body = Écrivez une réponse de 1 à 5 000 caractères.
field-official-new-issues = Choisissez immediate ou off.
field-unknown = Ce champ n’est pas accepté ici.
field-missing = Ce champ est obligatoire.
field-invalid-type = Cette valeur n’est pas du bon type.
field-invalid = Cette valeur n’est pas acceptable.
param-lang = Choisissez ar, fr ou zgh.
param-limit = Donnez un nombre entier de 1 à 100.
param-cursor = Ce curseur ne vient pas d’une réponse de ce serveur.
param-me = La seule valeur possible est me.
param-time = Donnez une date (AAAA-MM-JJ) ou un instant RFC 3339.
param-bbox = Donnez sud,ouest,nord,est en degrés, par exemple 35.70,-5.93,35.81,-5.72.
param-sort = Choisissez newest, most_supported ou recently_updated.
param-invalid = Ce paramètre n’est pas acceptable.

## Home

home-title = Tawasol
home-tagline = Signalez un problème de votre commune, suivez les réponses de vos élus et services en public, et préparez des pétitions locales.
home-communes = Communes
home-api = API (JSON)
home-health = État du service

## Pages opened from mail links

page-verify-title = Confirmer votre adresse
page-verify-button = Confirmer mon adresse
page-link-invalid = Ce lien n’est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau depuis l’application.
page-reset-title = Choisir un nouveau mot de passe
page-reset-label = Nouveau mot de passe
page-reset-button = Enregistrer le mot de passe
page-reset-done = Votre mot de passe est changé et vos anciennes sessions sont fermées. Connectez-vous avec le nouveau.

page-unsubscribe-title = Ne plus recevoir ces messages
page-unsubscribe-button = Me désabonner
page-unsubscribe-done = C’est fait : vous ne recevrez plus ces messages. Vous pouvez changer d’avis dans les réglages de votre compte.

## Mails

mail-signature = L’équipe Tawasol
mail-footer-account = Vous recevez ce message parce qu’il concerne votre compte Tawasol.
mail-footer-notification = Vous suivez ce fil sur Tawasol. Pour ne plus recevoir ces messages : { $url }

mail-account-verify-email-subject = Confirmez votre adresse pour Tawasol
mail-account-verify-email-body =
    Bonjour { $name },

    Pour activer votre compte Tawasol, ouvrez ce lien dans les 48 heures :

    { $url }

    Si vous n’avez pas créé de compte, ignorez ce message : rien ne se fera sans vous.

mail-issue-official-answer-subject = Réponse officielle : { $title }
mail-issue-official-answer-body =
    { $official } ({ $official_title }) a répondu publiquement au signalement « { $title } ».

    Lisez la réponse et suivez la suite :

    { $url }

mail-account-registration-attempt-subject = Tentative d’inscription avec votre adresse
mail-account-registration-attempt-body =
    Bonjour { $name },

    Quelqu’un vient d’essayer de créer un compte Tawasol avec votre adresse, qui en a déjà un. Aucun compte n’a été créé.

    Si c’était vous et que vous avez oublié votre mot de passe, choisissez-en un nouveau ici (lien valable une heure) :

    { $url }

    Sinon, vous n’avez rien à faire.

mail-account-password-reset-subject = Choisir un nouveau mot de passe Tawasol
mail-account-password-reset-body =
    Bonjour { $name },

    Pour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure (il ne sert qu’une fois) :

    { $url }

    Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.

mail-account-password-changed-subject = Votre mot de passe Tawasol a changé
mail-account-password-changed-body =
    Bonjour { $name },

    Le mot de passe de votre compte Tawasol vient d’être changé, et toutes vos sessions ont été fermées.

    Si ce n’était pas vous, demandez tout de suite un nouveau mot de passe depuis la page de connexion et prévenez-nous.

mail-issue-new-for-official-subject = Nouveau signalement : { $title }
mail-issue-new-for-official-body =
    Un habitant vient de signaler un problème qui relève de vous ({ $commune }, { $category }) :

    « { $title } »

    Répondez publiquement et tenez son état à jour :

    { $url }

mail-issue-status-changed-subject = { $status } : { $title }
mail-issue-status-changed-body =
    Le signalement « { $title } » est maintenant : { $status }.

    { $note }

    { $url }

mail-moderation-hidden-subject = Votre contribution a été masquée
mail-moderation-hidden-body =
    Ce que vous avez écrit a été masqué au public : « { $excerpt } ».

    Raison : { $reason }

    { $url }
mail-moderation-restored-subject = Votre contribution est de nouveau publique
mail-moderation-restored-body =
    Un modérateur a rendu public ce que vous avez écrit : « { $excerpt } ».

    { $reason }

    { $url }

mail-issue-new-reply-subject = Nouvelle réponse : { $title }
mail-issue-new-reply-body =
    { $author } a répondu au signalement « { $title } » :

    { $excerpt }

    { $url }

mail-official-digest-subject = Votre point du matin : { $overdue_count ->
    [0] aucun signalement en retard
    [one] 1 signalement en retard
   *[other] { $overdue_count } signalements en retard
}
mail-official-digest-body =
    Nouveaux signalements de votre ressort depuis hier : { $new_count }

    { $new_items }

    Signalements ouverts sans réponse officielle au-delà du délai de leur catégorie : { $overdue_count }

    { $overdue_items }

## Issue statuses

status-submitted = Reçu
status-acknowledged = Pris en compte
status-in-progress = En cours
status-planned = Programmé
status-resolved = Résolu
status-not-responsible = Hors compétence de la commune
status-duplicate = Doublon
status-rejected = Rejeté

## Petitions (Organic Law 113-14)

detail-petition-not-found = Aucune pétition { $id }.
detail-petition-not-draft = La pétition { $id } n’est plus un brouillon : son texte est celui que les signataires ont lu.
detail-petition-not-collecting = La pétition { $id } ne recueille pas de signatures en ce moment.
detail-already-signed = Cette pétition porte déjà votre signature.
detail-own-report = Vous avez signalé ce problème : votre signalement compte déjà, le soutien est pour les autres habitants.
detail-petition-step = Une pétition « { $from } » ne peut pas passer à « { $to } ».
field-petition-title = Donnez un titre de 5 à 200 caractères, sur une ligne.
field-petition-request = Énoncez en 10 à 2 000 caractères le point que le conseil doit inscrire à son ordre du jour.
field-petition-reasons = Exposez les motifs et les objectifs en 10 à 10 000 caractères.
field-filer-type = Choisissez citizens ou association.
field-organisation-required = Une pétition d’association nomme l’association (organisation_id).
field-association-required = Une association déclare sa situation : in_good_standing, office_in_commune, activity_linked_to_subject.
field-organisation-citizens = Une pétition de citoyens ne nomme pas d’association.
field-association-too-recent = L’association doit être constituée depuis plus de trois ans.
field-association-good-standing = L’association doit être en situation régulière.
field-association-office = L’association doit avoir son siège ou une antenne dans la commune.
field-association-activity = L’activité de l’association doit être liée à l’objet de la pétition.
field-signer-name = Donnez vos nom et prénom tels qu’ils figurent sur votre carte (3 à 120 caractères).
field-cin = Donnez le numéro de votre carte nationale : une ou deux lettres puis des chiffres.
field-signer-address = Donnez votre adresse (5 à 300 caractères).
field-declaration = Cette condition est requise pour signer.
field-consent = Votre consentement explicite au traitement de ces données est requis.
field-petition-status = Choisissez une étape : collecting, ready, filed, admissible, inadmissible, on_agenda, decided ou withdrawn.
field-receipt = Le dépôt se note avec le numéro du récépissé.
field-filed-on = Et la date du dépôt, aujourd’hui ou avant.
field-step-reason = Une décision d’irrecevabilité est motivée : donnez les motifs.
field-session-date = Donnez la date de la session.
field-committee = Nommez la commission saisie.
field-outcome = Indiquez adopted ou rejected.
field-summary = Résumez la décision du conseil.
field-petition-threshold = Donnez un nombre de signatures entre 1 et 100 000.
field-commune-name = Donnez un nom de 1 à 120 caractères.
param-dossier-format = Choisissez html ou csv.
petition-consent = J’accepte que mes nom et prénom, numéro de carte nationale et adresse soient traités par Tawasol pour la seule pétition « { $title } » adressée au conseil de la commune ({ $commune }) : ils figurent sur la liste des signataires remise au président du conseil, sont chiffrés et ne sont jamais publiés. Je peux y accéder, les rectifier ou retirer ma signature tant que la collecte est ouverte (loi 09-08).
petition-status-draft = Brouillon
petition-status-collecting = Collecte des signatures
petition-status-ready = Prête à déposer
petition-status-filed = Déposée
petition-status-admissible = Recevable
petition-status-inadmissible = Irrecevable
petition-status-on-agenda = Inscrite à l’ordre du jour
petition-status-decided = Décidée par le conseil
petition-status-withdrawn = Retirée

mail-petition-threshold-reached-subject = Votre pétition a ses { $count } signatures
mail-petition-threshold-reached-body =
    La pétition « { $title } » a réuni { $count } signatures : elle peut être déposée auprès du président du conseil communal.

    Déposez-la contre récépissé (ou sur le portail national de la participation), puis notez ici le numéro et la date du récépissé.

    { $url }
mail-petition-step-subject = { $status } : { $title }
mail-petition-step-body =
    La pétition « { $title } » en est maintenant à l’étape : { $status }.

    { $note }

    { $url }
mail-petition-filed-for-official-subject = Pétition déposée : { $title }
mail-petition-filed-for-official-body =
    La pétition « { $title } » a été déposée auprès de la commune ({ $commune }) le { $filed_on }, récépissé n° { $receipt }.

    Un éventuel refus doit être notifié, motivé, au mandataire au plus tard le { $deadline }.

    { $url }
mail-petition-deadline-reminder-subject = { $days ->
    [0] Dernier jour pour répondre à la pétition « { $title } »
    [one] Plus qu’un jour pour répondre à la pétition « { $title } »
   *[other] Plus que { $days } jours pour répondre à la pétition « { $title } »
}
mail-petition-deadline-reminder-body =
    Le bureau du conseil ne s’est pas encore prononcé sur la recevabilité de la pétition « { $title } ».

    Un refus doit être notifié, motivé, au plus tard le { $deadline }.

    { $url }

dossier-heading = Pétition
dossier-addressee = À Monsieur le Président du conseil de la commune de { $commune_fr }
dossier-subject = Objet de la pétition
dossier-reasons = Motifs et objectifs
dossier-association = Association pétitionnaire
dossier-representative = Représentant
dossier-agent = Identité du mandataire
dossier-full-name = Nom et prénom
dossier-cin = N° de CIN
dossier-address = Adresse
dossier-signatories = Liste des signataires
dossier-count = { $count ->
    [0] Aucun signataire.
    [one] Un signataire.
   *[other] { $count } signataires.
}
dossier-number = N°
dossier-lives-or-works = Réside ou travaille dans la commune
dossier-electoral-roll = Inscrit ou remplissant les conditions d’inscription sur les listes électorales
dossier-direct-interest = Intérêt direct commun
dossier-signed-on = Date
dossier-signature = Signature
dossier-generated = Liste établie par Tawasol le { $at }.

## Accountability figures and open data

param-official = Donnez le numéro de compte d’un élu ou agent désigné.
## Open311 API keys
detail-api-key-not-found = Aucune clé d’API { $id }.
field-api-key-name = Nommez la clé en 1 à 120 caractères, sur une ligne.
field-api-key-owner = Le titulaire doit être un compte à l’adresse confirmée et non banni.
field-api-key-member = Le titulaire doit être membre de cette organisation.
field-organisation = Aucune organisation ne porte ce numéro.
open311-notice-published = Votre signalement est publié. Les services de la commune y répondront publiquement.
open311-notice-held = Votre signalement semble contenir des données personnelles : un modérateur le relira avant sa publication.
## Feeds

detail-category-not-found = La commune « { $commune } » n’a pas de catégorie « { $category } ».
detail-feed-not-found = Aucun flux à cette adresse : elle a été remplacée ou révoquée.
feed-commune-title = Nouveaux signalements : { $commune }
feed-category-title = Nouveaux signalements : { $commune }, { $category }
feed-issue-title = Signalement « { $issue } » : réponses et changements de statut
feed-petition-title = Pétition « { $petition } » : les étapes
feed-me-title = Mes suivis sur Tawasol
feed-resident = Un habitant
feed-former-resident = Ancien habitant
feed-platform = Tawasol
feed-reply-title = { $author } a répondu : « { $issue } »
feed-answer-title = Réponse officielle de { $author } ({ $role }) : « { $issue } »
feed-status-title = Statut changé en « { $status } » : « { $issue } »
feed-status-expected = Réalisation prévue pour le { $date }.
feed-status-responsible = Organisme compétent : { $body }.
feed-status-duplicate = Doublon de { $url }
feed-step-title = { $status } : « { $petition } »
feed-step-filed = Déposée le { $date } sous le numéro de reçu { $number }.
feed-step-refusal-deadline = Un refus doit être notifié au plus tard le { $date }.
feed-step-next-session = Prochaine session ordinaire : { $date }.
feed-step-agenda = Inscrite à la session du { $date }, commission : { $committee }.
feed-step-outcome-adopted = Le conseil a adopté la pétition.
feed-step-outcome-rejected = Le conseil a rejeté la pétition.
feed-step-threshold = { $count ->
    [0] Aucune signature requise : le seuil de { $threshold } est atteint.
    [one] Une signature : le seuil de { $threshold } est atteint.
   *[other] { $count } signatures : le seuil de { $threshold } est atteint.
}

## Web application

site-name = Tawasol
web-skip = Aller au contenu
web-nav = Navigation principale
web-languages = Langues
web-language-name = Français
web-login = Se connecter
web-logout = Se déconnecter
web-signup = Créer un compte
web-footer = Tawasol, logiciel libre (AGPL) pour la démocratie locale
web-open-data = Données ouvertes
web-home = Accueil
web-home-about = Signalez un problème de votre quartier, suivez les réponses publiques de la commune et préparez des pétitions au conseil communal.
web-communes = Communes
web-latest = Dernières nouvelles
web-nothing-yet = Rien pour l’instant.
web-feed = Flux Atom de cette page
web-no-match = Aucun signalement ne correspond à cette recherche.
web-clear-filters = Voir tous les signalements
web-threshold = { $count ->
    [0] pétition : aucune signature requise
    [one] pétition : une signature
   *[other] pétition : { $count } signatures
}
web-report = Signaler un problème
web-report-thanks = Merci ! Votre signalement est public et a été transmis à { $department } ({ $commune }). Vous le suivez : chaque réponse vous sera envoyée selon vos choix de courriels.
web-report-thanks-held = Merci ! Un modérateur relit votre signalement avant qu’il soit public ; il ira ensuite à { $department } ({ $commune }). Vous le suivez : chaque réponse vous sera envoyée selon vos choix de courriels.
web-issues = Signalements
web-search = Rechercher
web-status = État
web-all = Tous
web-category = Catégorie
web-arrondissement = Arrondissement
web-filter = Filtrer
web-more = Suite
web-open = Non résolus
web-closed = Clos
web-figures = Chiffres de la commune
web-chart-title = Part des signalements ayant reçu une réponse dans le délai, par catégorie
web-petitions = Pétitions
web-signatures-of = { $count ->
    [0] Aucune signature
    [one] { $count } signature
   *[other] { $count } signatures
} sur { $threshold }
web-supports = { $count ->
    [0] aucun soutien
    [one] un soutien
   *[other] { $count } soutiens
}
web-support = Moi aussi
web-unsupport = Retirer mon soutien
web-follow = Suivre
web-unfollow = Ne plus suivre
web-thread = Échanges
web-no-replies = Aucune réponse pour l’instant.
web-official-answer = réponse officielle
web-your-reply = Votre réponse
web-send = Envoyer
web-login-to-reply = Connectez-vous pour répondre, soutenir ou suivre.
web-history = Historique
web-reported-on = Signalé le { $at }
web-former-resident = Ancien habitant
web-fix-fields = Corrigez ces points :
web-issue-title = Titre
web-issue-description = Description
web-issue-address = Adresse ou repère (facultatif)
web-location = Position (facultative)
web-location-help = Donnez la latitude et la longitude, ou utilisez la position de votre appareil.
web-lat = Latitude
web-lon = Longitude
web-use-my-location = Utiliser ma position
web-location-found = La position de votre appareil est dans le formulaire ; vérifiez-la avant d’envoyer.
web-location-refused = Votre appareil n’a pas donné sa position (refusée ou introuvable) : écrivez une adresse ou un repère, ou les coordonnées.
web-email = Adresse électronique
web-password = Mot de passe
web-password-new = Mot de passe (10 caractères au moins)
web-forgot = Mot de passe oublié
web-display-name = Nom affiché publiquement
web-language = Langue
web-cndp-notice = Vos données sont traitées conformément à la loi 09-08 ; déclaration à la CNDP n° { $number }.
web-cndp-notice-unset = Vos données sont traitées conformément à la loi 09-08. Ce site n’a pas déclaré ce traitement à la CNDP : c’est une instance d’essai ou de démonstration, n’y confiez pas de vraies données.
web-my-account = Mon compte
web-my-issues = Mes signalements
web-my-follows = Mes suivis
web-my-petitions = Mes pétitions
web-notifications = Courriels que je reçois
web-pref-issue-updates = Réponses officielles et changements d’état de ce que je signale ou suis
web-pref-all-replies = Toutes les autres réponses aussi
web-pref-petition-updates = Étapes des pétitions que j’ai signées ou que je suis
web-pref-official = Nouveaux signalements de mon périmètre
web-pref-official-immediate = Un courriel par signalement
web-pref-official-daily = Dans le résumé du matin
web-pref-official-off = Aucun
web-save = Enregistrer
web-saved = Enregistré.
web-my-data = Mes données
web-export = Télécharger toutes mes données (JSON)
web-delete-explained = Supprimer mon compte efface mes données personnelles ; mes contributions publiques restent, signées « ancien habitant », et mes signatures de pétitions encore en collecte sont retirées.
web-delete-confirm = Je confirme vouloir supprimer mon compte
web-delete = Supprimer mon compte
web-deleted-title = Compte supprimé
web-deleted = Votre compte et vos données personnelles ont été effacés.
web-duplicates = Déjà signalé ?
web-duplicates-help = Ces signalements ouverts de la même catégorie se trouvent tout près ou se ressemblent. Soutenez l’un d’eux plutôt que d’en créer un nouveau : la commune voit combien d’habitants sont concernés.
web-support-this = Soutenir celui-ci
web-post-anyway = Publier quand même
web-watch = Veille
web-watch-about = Pour les associations et les journalistes qui suivent les communes : les chiffres de chacune, ses données ouvertes et ses flux par catégorie.
web-exports = Données ouvertes
web-open-data-about = Tout ce qui est public sur Tawasol se télécharge en entier, sans compte ni clé : les signalements et les pétitions en CSV (pour un tableur) ou en JSON Lines (pour un programme), pour tout le pays ou une commune, les chiffres en JSON, et des flux Atom pour suivre ce qui change.
web-open-data-privacy = Aucune donnée personnelle n’y figure : ni les auteurs, ni les adresses saisies, ni les signataires ; les positions sont arrondies à environ 11 m.
web-open-data-all = Toutes les communes
web-feeds = Flux Atom
web-feed-help = Votre flux personnel réunit tout ce que vous suivez, à une adresse secrète (une nouvelle adresse remplace l’ancienne).
web-feed-create = Créer l’adresse de mon flux
web-feed-login = Se connecter pour créer le sien
web-feed-created = L’adresse de votre flux (notez-la, elle n’est montrée qu’une fois) :
web-petition-council-actions = Pour la commune : enregistrer les décisions
web-petition-admissible = Recevable (le bureau l’a décidé)
web-petition-inadmissible = Irrecevable (décision motivée)
web-petition-put-on-agenda = Inscrire à l’ordre du jour
web-petition-adopted = Adoptée
web-petition-rejected = Rejetée
web-petition-record-decision = Enregistrer la décision du conseil
web-petition-dossier = Dossier de dépôt (à imprimer)
detail-csrf = Ce formulaire a expiré ou ne vient pas de ce site. Rechargez la page et recommencez.

## Web: petitions

web-petition-commune = Commune
web-petition-new = Lancer une pétition
web-petition-all = Toutes les pétitions
web-petition-overdue = Délai dépassé : la commune est en retard.
web-petition-request = La demande (le point à inscrire à l’ordre du jour du conseil)
web-petition-reasons = Motifs et objectifs
web-petition-agent = Mandataire : { $name }
web-petition-by-association = Présentée par l’association { $name }
web-petition-agent-actions = Vos actions de mandataire
web-petition-publish = Publier et ouvrir la collecte des signatures
web-petition-publish-association = Marquer prête à déposer
web-petition-mark-filed = Enregistrer le dépôt
web-petition-withdraw-reason = Motif du retrait (facultatif)
web-petition-withdraw = Retirer la pétition
web-petition-sign = Signer cette pétition
web-petition-sign-button = Signer
web-petition-login-to-sign = Connectez-vous pour signer ou suivre cette pétition.
web-petition-signed = Vous avez signé cette pétition.
web-petition-withdraw-signature = Retirer ma signature
web-petition-full-name = Nom et prénom, tels qu’ils figurent sur votre carte nationale
web-petition-cin = Numéro de la carte nationale d’identité (CIN)
web-petition-cin-help = Chiffré, jamais publié, jamais réaffiché : il ne figure que sur la liste remise au président du conseil.
web-petition-address = Adresse
web-petition-declarations = Je déclare sur l’honneur :
web-petition-declare-lives = J’habite ou je travaille dans la commune.
web-petition-declare-roll = Je suis inscrit sur les listes électorales (ou j’en remplis les conditions).
web-petition-declare-interest = J’ai un intérêt direct et commun à cette demande.
web-petition-show-name = Afficher mon nom parmi les signataires publics.
web-petition-consent = Mon consentement explicite
web-petition-steps = Les étapes prévues par la loi
web-petition-current = étape actuelle
web-petition-step-collecting = Les habitants signent ici jusqu’au nombre de signatures que la loi fixe pour la commune.
web-petition-step-ready = Assez de signatures : le mandataire dépose la pétition auprès du président du conseil.
web-petition-step-filed = Déposée : le bureau du conseil a trois mois pour dire si elle est recevable.
web-petition-step-admissible = Le bureau l’examine ; un refus doit être motivé et notifié au mandataire.
web-petition-step-on-agenda = Recevable, elle est inscrite à l’ordre du jour d’une session ordinaire, après examen en commission.
web-petition-step-decided = Le conseil en délibère et vote ; sa décision est publique.
web-petition-timeline = Historique public
web-petition-platform = Tawasol (seuil atteint)
web-petition-deadline = La commune doit notifier un éventuel refus au plus tard le { $date }.
web-petition-days-left = { $count ->
    [0] C’est le dernier jour.
    [one] Il reste un jour.
   *[other] Il reste { $count } jours.
}
web-petition-signatories = Signataires publics
web-petition-no-signatories = Aucun nom public pour l’instant.
web-petition-draft-help = Un brouillon n’est visible que par vous jusqu’à sa publication ; ensuite son texte ne peut plus changer.
web-petition-filer = Qui présente la pétition
web-petition-filer-citizens = Des habitants (pétition de citoyens ; j’en suis le mandataire)
web-petition-filer-association = Une association dont je suis membre
web-petition-organisation = Association
web-petition-assoc-standing = L’association est en situation régulière.
web-petition-assoc-office = Elle a son siège ou une antenne dans la commune.
web-petition-assoc-activity = Son activité est liée à l’objet de la pétition.
web-petition-create = Créer le brouillon
web-petition-detail-receipt-number = Numéro du récépissé
web-petition-detail-filed-on = Date du dépôt
web-petition-detail-refusal-deadline = Date limite d’un refus
web-petition-detail-next-session-on = Prochaine session ordinaire
web-petition-detail-reason = Motif
web-petition-detail-session-date = Date de la séance
web-petition-detail-committee = Commission
web-petition-detail-outcome = Décision
web-petition-detail-summary = Résumé
web-petition-detail-signatures = Signatures
web-petition-detail-threshold = Seuil
## Web: desk and moderation

web-desk = Mon bureau
web-moderation = Modération
web-desk-title = Bureau de l’élu
web-desk-new = Nouveaux signalements sans réponse
web-desk-overdue = En retard sur le délai de réponse
web-desk-waiting = En attente de ma réponse
web-desk-empty = Rien ici pour le moment.
web-desk-petitions = Pétitions de la commune
web-deadline = Délai
web-days-overdue = { $count ->
    [0] en retard depuis aujourd’hui
    [one] un jour de retard
   *[other] { $count } jours de retard
}
web-days-left = { $count ->
    [0] dernier jour
    [one] un jour restant
   *[other] { $count } jours restants
}
web-refusal-deadline = Refus à notifier avant le { $date }
web-overdue = Délai dépassé
web-replied-on = Réponse reçue le { $at }
web-moderation-title = File de modération
web-moderation-empty = Rien à examiner.
web-kind-issue = Signalement
web-kind-reply = Réponse
web-visibility-pending = Retenu pour examen
web-visibility-hidden = Masqué
web-visibility-public = Public
web-flags = { $count ->
    [0] aucun signalement d’abus
    [one] un signalement d’abus
   *[other] { $count } signalements d’abus
}
web-reason = Motif (dit à l’auteur s’il est masqué ou rétabli)
web-hide = Masquer
web-restore = Rétablir
web-answer-title = Répondre officiellement
web-answer-body = Votre réponse publique
web-new-status = Nouvel état
web-keep-status = Garder l’état actuel
web-status-note = Note pour l’historique (votre réponse si vide)
web-expected-on = Date prévue (pour « planifié »)
web-expected-on-invalid = La date prévue doit être une date (AAAA-MM-JJ).
web-responsible-body = Organisme responsable (pour « pas de notre ressort »)
web-duplicate-of = Numéro du signalement d’origine (pour « doublon »)
web-answer-send = Publier la réponse

# issue 14: one text rule, personal data
field-text-control = Ce texte contient des caractères de contrôle invisibles (par exemple un caractère nul) : retirez-les.
field-text-bidi = Un nom ne peut pas contenir de caractères qui inversent le sens de lecture.
field-personal-data = Ce texte est public dès qu’il est enregistré : retirez-en le numéro de téléphone, l’adresse électronique ou le numéro de carte d’identité.
field-issue-address = Donnez une adresse de 300 caractères au plus, sur une ligne.
field-flag-reason = Expliquez le signalement en 1 à 500 caractères.
field-decision-reason = Motivez la décision en 1 à 1 000 caractères.
field-organisation-name = Donnez le nom de l’organisation en 1 à 200 caractères, sur une ligne.
field-organisation-purpose = Décrivez l’objet de l’organisation en 1 à 2 000 caractères.

# issue 14: expensive classes of work
detail-busy = Trop de demandes de ce genre (chiffres, recherche, exports ou longues listes) sont en cours de calcul. Réessayez dans quelques secondes.
web-figures-busy = Les chiffres sont en cours de calcul : rechargez la page dans un instant.

# issue 14: petitions
dossier-duplicate-mark = Doublon suspecté
dossier-duplicates = ⚠ Doublon suspecté : ces lignes portent un numéro de CIN déjà utilisé par une autre signature de cette pétition ; à vérifier avant le dépôt. Lignes concernées : { $count }.
dossier-erased = Les noms, numéros de CIN et adresses des signataires ont été effacés le { $at }, à la fin de la durée de conservation qui suit la clôture de la pétition. Le nombre de signatures et l’historique public restent.

# issue 14: web
web-form-too-large = Ce formulaire est trop long pour être reçu. Raccourcissez le texte le plus long et envoyez-le de nouveau.
web-form-unsupported = Ce formulaire n’a pas été envoyé comme un formulaire de ce site. Rechargez la page et recommencez.
web-form-malformed = Ce formulaire est arrivé illisible. Rechargez la page et recommencez.

## Dates and times, in Morocco's time (pages and mails)
date = { $day } { $month } { $year }
date-time = { $day } { $month } { $year } à { $time }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## issue 16: errors next to their fields
web-back-to-form = Revenir au formulaire
## issue 16: moderation journeys
mail-moderation-flagged-reason = Plusieurs habitants l’ont signalé comme abusif. Cela reste masqué jusqu’à ce qu’un modérateur l’examine ; vous recevrez un autre message si c’est publié de nouveau.
web-flag-link = Signaler un abus
web-flag-title = Signaler un abus
web-flag-back = Retour au signalement
web-flag-intro = Les modérateurs de la commune liront votre signalement. L’auteur ne saura pas qui l’a envoyé.
web-flag-reason = Pourquoi est-ce abusif ?
web-flag-reason-help = Par exemple : insulte, menace, données personnelles d’une autre personne, publicité, hors sujet.
web-flag-send = Envoyer aux modérateurs
web-flag-own = C’est votre propre texte : vous ne pouvez pas le signaler. Vous pouvez corriger une réponse dans les 15 minutes qui suivent son envoi.
web-flag-done = Merci : votre signalement d’abus a été transmis aux modérateurs.
web-flag-already = Vous avez déjà signalé ce contenu : les modérateurs l’examineront.
web-keep = Garder (écarter les signalements)
web-publish = Publier
web-moderation-intro = Les contenus signalés comme abusifs, retenus pour données personnelles ou masqués, dans les communes que vous modérez. Chaque décision demande un motif et reste tracée.
web-moderation-open = Voir dans le fil
web-moderation-reasons = Motifs des signalements :
web-moderation-banner-hidden = Ce signalement est masqué au public. Motif : { $reason }
web-moderation-banner-flagged = Ce signalement est masqué au public après plusieurs signalements d’abus ; aucun modérateur n’a encore décidé.
web-moderation-banner-held = Ce signalement est retenu pour examen : son texte semble contenir des données personnelles. Seuls son auteur et les modérateurs le voient.
web-moderation-banner-queue = Décider dans la file de modération
## issue 16: figures in plain words and association petitions
web-figures-total = { $count ->
    [0] Aucun signalement pour l’instant.
    [one] { $count } signalement jusqu’ici.
   *[other] { $count } signalements jusqu’ici.
}
web-figures-answered = { $count ->
    [one] { $count } signalement a reçu une réponse officielle, en { $median } au plus.
   *[other] { $count } signalements ont reçu une réponse officielle : la moitié en { $median } au plus, neuf sur dix en { $p90 } au plus.
}
web-figures-none-answered = Aucun n’a encore reçu de réponse officielle.
web-figures-in-time = { $count ->
    [0] Réponses dans le délai fixé : aucune sur { $due }.
    [one] Réponses dans le délai fixé : une sur { $due }.
   *[other] Réponses dans le délai fixé : { $count } sur { $due }.
}
web-figures-overdue = { $count ->
    [one] { $count } signalement attend encore sa réponse, son délai passé.
   *[other] { $count } signalements attendent encore leur réponse, leur délai passé.
}
web-figures-overdue-at-least = Au moins { $count } signalements attendent encore leur réponse, leur délai passé.
web-duration-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
web-duration-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
web-percent = { $value } %
web-chart-row = { $count ->
    [0] Aucun sur { $due } dans le délai de { $deadline }
    [one] { $count } sur { $due } dans le délai de { $deadline }
   *[other] { $count } sur { $due } dans le délai de { $deadline }
}
web-chart-row-none-due = Aucun signalement n’a encore atteint son délai ({ $deadline }).
web-petition-association-progress = Pétition d’association : aucune signature requise
web-petition-association-rule = Une association ne recueille pas de signatures (loi organique 113-14) : elle doit exister depuis plus de trois ans, être en situation régulière, avoir son siège ou une antenne dans la commune et une activité liée à l’objet de la pétition ; son représentant mandaté la dépose avec les statuts, le récépissé légal, la preuve du siège, la décision du bureau et son mandat.
web-petition-step-ready-association = L’association réunit ses pièces (statuts, récépissé légal, preuve du siège, décision du bureau, mandat) ; son représentant dépose la pétition auprès du président du conseil.
## issue 16: what the official does, and the official's desk
status-planned-for = Programmé pour le { $date }
status-not-responsible-to = Hors compétence de la commune : relève de { $body }
status-duplicate-of = Doublon du signalement n° { $id }
detail-official-support = Le signalement n° { $id } relève de votre service : vous y répondez, le soutien est pour les habitants.
mail-issue-answered-with-status-subject = Réponse officielle : { $title } ({ $status })
mail-issue-answered-with-status-body =
    { $official } ({ $official_title }) a répondu publiquement au signalement « { $title } » :

    { $excerpt }

    Le signalement est maintenant : { $status }.

    { $note }

    Lisez la réponse et suivez la suite :

    { $url }
web-answer-status-invalid = Choisissez un état dans la liste.
web-desk-planned = Programmés
web-desk-all = Tous les signalements ouverts
web-desk-groups = Files de travail
web-desk-filters = Filtrer et trier
web-desk-category = Catégorie
web-desk-arrondissement = Arrondissement
web-desk-any-category = Toutes les catégories
web-desk-any-arrondissement = Tous les arrondissements
web-desk-sort = Ordre
web-desk-sort-oldest = Les plus anciens d’abord
web-desk-sort-newest = Les plus récents d’abord
web-desk-sort-supported = Les plus soutenus d’abord
web-desk-sort-due = Échéance la plus proche d’abord
web-desk-show = Afficher
web-desk-next = Page suivante
web-desk-first = Retour à la première page
web-desk-none = Aucun signalement ouvert ne correspond à ces critères.
web-desk-issues = Signalements
web-desk-age = { $count ->
    [0] signalé aujourd’hui
    [one] signalé hier
   *[other] signalé il y a { $count } jours
}
web-desk-due-in = { $count ->
    [0] réponse attendue aujourd’hui
    [one] réponse attendue demain
   *[other] réponse attendue dans { $count } jours
}
## issue 16: accounts (sign-up, confirmation, changing one's password, address and name)
web-verify-resend = Renvoyer le lien de confirmation
web-verify-resent = Si cette adresse attend encore sa confirmation, un nouveau lien vient de lui être envoyé. Il est valable 48 heures.
web-verify-link-used = Ce lien n’est plus valable : il a déjà servi ou il a expiré. Si votre adresse est déjà confirmée, connectez-vous ; sinon, demandez un nouveau lien.
web-verify-done = Votre adresse est confirmée et vous êtes connecté·e. Vous pouvez maintenant signaler, répondre, signer et suivre.
web-reset-link-used = Ce lien n’est plus valable : il a déjà servi ou il a expiré. Demandez-en un nouveau.
web-report-unconfirmed = Votre adresse n’est pas encore confirmée : ouvrez le lien reçu par courriel avant d’envoyer ce signalement. Ce que vous tapez ici est gardé.
web-me-unconfirmed = Votre adresse n’est pas encore confirmée : ouvrez le lien reçu par courriel pour pouvoir signaler, répondre, signer et suivre.
mail-account-password-changed-by-owner-subject = Votre mot de passe Tawasol a changé
mail-account-password-changed-by-owner-body =
    Bonjour { $name },

    Le mot de passe de votre compte Tawasol vient d’être changé depuis la page de votre compte. Vos autres sessions (autres navigateurs, applications) ont été fermées.

    Si ce n’était pas vous, demandez tout de suite un nouveau mot de passe depuis la page de connexion et prévenez-nous.
mail-account-email-change-confirm-subject = Confirmez votre nouvelle adresse pour Tawasol
mail-account-email-change-confirm-body =
    Bonjour { $name },

    Vous avez demandé que votre compte Tawasol utilise désormais cette adresse. Pour la confirmer, ouvrez ce lien dans les 48 heures (il ne sert qu’une fois) :

    { $url }

    Tant que ce lien n’est pas ouvert, votre ancienne adresse reste celle du compte. Si vous n’avez rien demandé, ignorez ce message.
mail-account-email-change-notice-subject = Changement d’adresse demandé sur votre compte Tawasol
mail-account-email-change-notice-body =
    Bonjour { $name },

    Quelqu’un connecté à votre compte Tawasol a demandé qu’il utilise désormais l’adresse { $email }. Le changement n’aura lieu que lorsque le lien envoyé à cette adresse sera ouvert.

    Si ce n’était pas vous, connectez-vous, changez votre mot de passe (vos autres sessions seront fermées) et prévenez-nous.
web-account-settings = Mon nom, mon adresse, mon mot de passe
web-change-name = Changer mon nom affiché
web-change-email = Changer mon adresse électronique
web-change-password = Changer mon mot de passe
web-email-new = Nouvelle adresse électronique
web-password-current = Mot de passe actuel
web-name-hint = Il est affiché publiquement : pas de numéro de téléphone, d’adresse électronique ni de CIN.
web-email-change-hint = Un lien de confirmation est envoyé à la nouvelle adresse ; elle ne remplace l’ancienne qu’une fois ce lien ouvert.
web-password-change-hint = Vos autres sessions (autres navigateurs, applications) seront fermées.
web-email-change-sent = Un lien de confirmation est parti vers la nouvelle adresse. Votre adresse actuelle reste celle du compte jusqu’à ce qu’il soit ouvert ; un avis a été envoyé à votre adresse actuelle.
web-password-changed = Votre mot de passe est changé. Vos autres sessions ont été fermées et un avis vous a été envoyé par courriel.
web-name-changed = Votre nom affiché est changé.
field-password-current = Le mot de passe actuel n’est pas le bon.
field-email-same = C’est déjà l’adresse de votre compte.
page-email-change-title = Confirmer votre nouvelle adresse
page-email-change-button = Utiliser cette adresse
page-email-change-done = Votre compte utilise désormais cette adresse.
web-email-change-link-used = Ce lien n’est plus valable : il a déjà servi, il a expiré, ou l’adresse a été prise entre-temps. Demandez le changement à nouveau depuis votre compte.
