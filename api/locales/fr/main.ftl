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
detail-internal = Une erreur imprévue s’est produite. Identifiant de la requête : { $request_id }.
detail-database-unavailable = La base de données est injoignable. Réessayez dans quelques secondes.
detail-migrations-pending = La base de données est en cours de mise à jour. Réessayez dans quelques secondes.

## Errors on one field or parameter

field-unknown = Ce champ n’est pas accepté ici.
field-missing = Ce champ est obligatoire.
field-invalid-type = Cette valeur n’est pas du bon type.
field-invalid = Cette valeur n’est pas acceptable.
param-lang = Choisissez ar, fr ou zgh.
param-limit = Donnez un nombre entier de 1 à 100.
param-cursor = Ce curseur ne vient pas d’une réponse de ce serveur.
param-invalid = Ce paramètre n’est pas acceptable.

## Home

home-title = Tawasol
home-tagline = Signalez un problème de votre commune, suivez les réponses de vos élus et services en public, et préparez des pétitions locales.
home-communes = Communes
home-api = API (JSON)
home-health = État du service

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
