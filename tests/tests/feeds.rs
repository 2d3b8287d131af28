//! Atom feeds as a feed reader sees them: valid Atom 1.0, in the right languages, with only what
//! the public may read, and a personal feed at a secret address its owner can rotate.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tawasol_tests::smtp::SmtpCatcher;
use tawasol_tests::{TestApp, access, spawn_with_mail, verified_user};

const ATOM: &str = "http://www.w3.org/2005/Atom";
const XML: &str = "http://www.w3.org/XML/1998/namespace";
/// `TAWASOL_PUBLIC_URL` in the tests (its default).
const PUBLIC_URL: &str = "http://127.0.0.1:8080";

/// An entry as a reader shows it.
#[derive(Debug)]
struct Entry {
    id: String,
    /// The entry's `xml:lang`.
    lang: String,
    title: String,
    /// The language the title is in (its own `xml:lang`, else the entry's).
    title_lang: String,
    author: String,
    link: String,
    content: String,
}

#[derive(Debug)]
struct Feed {
    lang: String,
    title: String,
    self_link: String,
    /// The feed's `rel="alternate"` links: (media type, address).
    alternates: Vec<(String, String)>,
    entries: Vec<Entry>,
}

/// Checks that a `rel="alternate"` link says what it points at: a web page is `text/html`, the
/// REST API `application/json`; returns (type, href).
fn alternate(link: roxmltree::Node<'_, '_>) -> (String, String) {
    let href = link
        .attribute("href")
        .expect("a link has an href")
        .to_owned();
    let kind = link
        .attribute("type")
        .expect("a link has a type")
        .to_owned();
    let path = href.strip_prefix(PUBLIC_URL).unwrap_or_else(|| {
        panic!("{href} is under the public URL");
    });
    let expected = if path.starts_with("/api/") {
        "application/json"
    } else {
        "text/html"
    };
    assert_eq!(kind, expected, "the type of {href}");
    (kind, href)
}

fn lang_of(node: roxmltree::Node<'_, '_>) -> Option<String> {
    node.ancestors()
        .find_map(|n| n.attribute((XML, "lang")))
        .map(str::to_owned)
}

fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Vec<roxmltree::Node<'a, 'i>> {
    node.children()
        .filter(|c| {
            c.is_element() && c.tag_name().namespace() == Some(ATOM) && c.tag_name().name() == name
        })
        .collect()
}

/// Exactly one `name` child with non-empty text.
fn one_text(node: roxmltree::Node<'_, '_>, name: &str) -> String {
    let found = child(node, name);
    assert_eq!(
        found.len(),
        1,
        "exactly one <{name}> in <{}>",
        node.tag_name().name()
    );
    let text = found[0].text().unwrap_or("").to_owned();
    assert!(!text.trim().is_empty(), "<{name}> is not empty");
    text
}

fn rfc3339(value: &str) {
    chrono::DateTime::parse_from_rfc3339(value)
        .unwrap_or_else(|e| panic!("{value:?} is not an RFC 3339 date: {e}"));
}

/// Reads a feed the way a strict reader would, checking what RFC 4287 requires.
fn parse(xml: &str) -> Feed {
    // A real Atom parser reads it...
    let parsed: atom_syndication::Feed = xml.parse().expect("atom_syndication reads the feed");
    // ...and the elements it requires are there, in the Atom namespace.
    let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(feed.tag_name().namespace(), Some(ATOM));
    let lang = feed
        .attribute((XML, "lang"))
        .expect("xml:lang on <feed>")
        .to_owned();
    one_text(feed, "id");
    let title = one_text(feed, "title");
    rfc3339(&one_text(feed, "updated"));
    let links = child(feed, "link");
    let self_link = links
        .iter()
        .find(|l| l.attribute("rel") == Some("self"))
        .and_then(|l| l.attribute("href"))
        .expect("a self link")
        .to_owned();
    let alternates: Vec<(String, String)> = links
        .iter()
        .filter(|l| l.attribute("rel").unwrap_or("alternate") == "alternate")
        .map(|l| alternate(*l))
        .collect();
    let mut kinds: Vec<&str> = alternates.iter().map(|(k, _)| k.as_str()).collect();
    kinds.dedup();
    assert_eq!(
        kinds.len(),
        alternates.len(),
        "one alternate per type (RFC 4287)"
    );
    let mut entries = Vec::new();
    for e in child(feed, "entry") {
        let id = one_text(e, "id");
        let title_node = child(e, "title")[0];
        let title = one_text(e, "title");
        rfc3339(&one_text(e, "updated"));
        let authors = child(e, "author");
        assert_eq!(authors.len(), 1, "an author");
        let author = one_text(authors[0], "name");
        let (kind, link) = child(e, "link")
            .into_iter()
            .find(|l| l.attribute("rel").unwrap_or("alternate") == "alternate")
            .map(alternate)
            .expect("an alternate link");
        assert_eq!(kind, "text/html", "an entry links to its web page: {link}");
        let content = child(e, "content");
        assert_eq!(content.len(), 1, "a content");
        assert_eq!(content[0].attribute("type"), Some("text"));
        entries.push(Entry {
            id,
            lang: e
                .attribute((XML, "lang"))
                .expect("xml:lang on every <entry>")
                .to_owned(),
            title_lang: lang_of(title_node).unwrap_or_default(),
            title,
            author,
            link,
            content: content[0].text().unwrap_or("").to_owned(),
        });
    }
    assert_eq!(parsed.entries().len(), entries.len());
    let mut ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), entries.len(), "entry ids are unique");
    Feed {
        lang,
        title,
        self_link,
        alternates,
        entries,
    }
}

/// GETs a feed, checks its media type, and returns the raw text and the parsed feed.
async fn feed(app: &TestApp, path: &str, accept_language: Option<&str>) -> (String, Feed) {
    let mut req = app.client.get(app.url(path));
    if let Some(l) = accept_language {
        req = req.header("accept-language", l);
    }
    let res = req.send().await.unwrap();
    assert_eq!(res.status(), 200, "{path}");
    assert_eq!(
        res.headers()["content-type"],
        "application/atom+xml; charset=utf-8"
    );
    let text = res.text().await.unwrap();
    let parsed = parse(&text);
    (text, parsed)
}

async fn not_found(app: &TestApp, path: &str) {
    let res = app.get(path).await;
    assert_eq!(res.status(), 404, "{path}");
    assert_eq!(
        res.headers()["content-type"],
        "application/problem+json",
        "{path}"
    );
    let problem: Value = res.json().await.unwrap();
    assert_eq!(problem["type"], "/problems/not-found", "{path}");
}

async fn json_of(res: reqwest::Response) -> Value {
    res.json().await.unwrap()
}

fn lamp(title: &str, description: &str) -> Value {
    json!({
        "commune": "tangier", "category": "public_lighting",
        "title": title, "description": description, "language": "ar"
    })
}

async fn user(app: &TestApp, catcher: &SmtpCatcher, email: &str, locale: &str) -> String {
    access(&verified_user(app, catcher, email, locale).await)
}

#[tokio::test]
async fn public_feeds_are_valid_atom_in_the_readers_language_with_only_public_items() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = tawasol_tests::admin(&app, &catcher).await;
    let official = user(&app, &catcher, "karim@tawasol.test", "fr").await;
    app.post(
        "/api/v1/admin/officials",
        Some(&admin),
        &json!({"email": "karim@tawasol.test", "commune": "tangier", "categories": ["public_lighting"], "title": "Vice-président"}),
    )
    .await;
    let reporter = user(&app, &catcher, "amina@tawasol.test", "ar").await;
    let neighbour = user(&app, &catcher, "claire@tawasol.test", "fr").await;

    let issue = json_of(
        app.post(
            "/api/v1/issues",
            Some(&reporter),
            &lamp(
                "مصباح الشارع مُعَطَّل",
                "الإنارة منعدمة في الشارع منذ أسبوع & الأطفال يمرون ليلا <هنا>.",
            ),
        )
        .await,
    )
    .await;
    let id = issue["id"].as_i64().unwrap();
    let held = json_of(
        app.post(
            "/api/v1/issues",
            Some(&reporter),
            &lamp(
                "Lampadaire près de chez moi",
                "Appelez-moi au 06 12 34 56 78 pour les détails.",
            ),
        )
        .await,
    )
    .await;
    assert_eq!(held["visibility"], "pending");
    let path = format!("/api/v1/issues/{id}");
    let answered = app
        .post(
            &format!("{path}/replies"),
            Some(&official),
            &json!({"body": "Une équipe passe demain soir."}),
        )
        .await;
    assert_eq!(answered.status(), 201);
    app.post(
        &format!("{path}/replies"),
        Some(&neighbour),
        &json!({"body": "Moi aussi je l'ai remarqué."}),
    )
    .await;
    // Held for a moderator: a phone number.
    let pending = app
        .post(
            &format!("{path}/replies"),
            Some(&neighbour),
            &json!({"body": "Mon numéro : 06 98 76 54 32."}),
        )
        .await;
    assert_eq!(pending.status(), 201);
    let to_hide = json_of(
        app.post(
            &format!("{path}/replies"),
            Some(&neighbour),
            &json!({"body": "Une réponse bientôt masquée."}),
        )
        .await,
    )
    .await;
    let hidden = app
        .post(
            &format!("/api/v1/moderation/replies/{}", to_hide["id"]),
            Some(&admin),
            &json!({"action": "hide", "reason": "Hors sujet après relecture."}),
        )
        .await;
    assert_eq!(hidden.status(), 204);
    let changed = app
        .post(
            &format!("{path}/status"),
            Some(&official),
            &json!({"status": "in_progress", "note": "Équipe sur place."}),
        )
        .await;
    assert_eq!(changed.status(), 200);

    // The commune's feed: the public issue, in its own language; not the held one.
    let (text, commune) = feed(&app, "/feeds/communes/tangier.atom?lang=fr", None).await;
    assert_eq!(commune.lang, "fr");
    assert_eq!(commune.title, "Nouveaux signalements : Tanger");
    assert_eq!(
        commune.self_link,
        format!("{PUBLIC_URL}/feeds/communes/tangier.atom?lang=fr")
    );
    assert_eq!(
        commune.alternates,
        [
            ("text/html".into(), format!("{PUBLIC_URL}/communes/tangier")),
            (
                "application/json".into(),
                format!("{PUBLIC_URL}/api/v1/issues?commune=tangier")
            ),
        ]
    );
    assert_eq!(commune.entries.len(), 1, "{text}");
    let e = &commune.entries[0];
    assert_eq!(e.title, "مصباح الشارع مُعَطَّل");
    assert_eq!((e.lang.as_str(), e.title_lang.as_str()), ("ar", "ar"));
    assert_eq!(e.link, format!("{PUBLIC_URL}/issues/{id}"));
    assert_eq!(
        e.content,
        "الإنارة منعدمة في الشارع منذ أسبوع & الأطفال يمرون ليلا <هنا>."
    );
    assert_eq!(
        e.author, "Un habitant",
        "reporters are not named, as on the public page"
    );
    assert!(
        !text.contains("Lampadaire près de chez moi"),
        "a held issue is not in a feed"
    );
    let (_, category) = feed(
        &app,
        "/feeds/communes/tangier/public_lighting.atom",
        Some("fr"),
    )
    .await;
    assert_eq!(category.entries.len(), 1);
    assert_eq!(
        category.alternates[0],
        (
            "text/html".into(),
            format!("{PUBLIC_URL}/communes/tangier?category=public_lighting")
        )
    );
    assert_eq!(
        category.title,
        "Nouveaux signalements : Tanger, Éclairage public"
    );
    let (_, other) = feed(&app, "/feeds/communes/tangier/green_spaces.atom", None).await;
    assert_eq!(other.entries.len(), 0, "an empty feed is still valid Atom");
    assert_eq!(other.lang, "ar", "Arabic when the reader names no language");

    // The issue's feed: public replies and the status change, not the held or hidden replies.
    let (text, thread) = feed(&app, &format!("/feeds/issues/{id}.atom"), Some("fr")).await;
    assert_eq!(thread.lang, "fr");
    assert_eq!(
        thread.alternates,
        [
            ("text/html".into(), format!("{PUBLIC_URL}/issues/{id}")),
            (
                "application/json".into(),
                format!("{PUBLIC_URL}/api/v1/issues/{id}")
            ),
        ]
    );
    assert_eq!(thread.entries.len(), 3, "{text}");
    assert!(
        !text.contains("06 98 76 54 32") && !text.contains("bientôt masquée"),
        "{text}"
    );
    assert!(!text.contains("@tawasol.test"), "no e-mail: {text}");
    let status = &thread.entries[0];
    assert_eq!(
        status.title,
        "Statut changé en « En cours » : « مصباح الشارع مُعَطَّل »"
    );
    assert_eq!(
        (status.lang.as_str(), status.title_lang.as_str()),
        ("ar", "fr")
    );
    assert_eq!(status.author, "karim");
    assert_eq!(status.content, "Équipe sur place.");
    assert!(
        status
            .id
            .starts_with(&format!("{PUBLIC_URL}/issues/{id}#status-"))
    );
    let official_answer = thread
        .entries
        .iter()
        .find(|e| e.content == "Une équipe passe demain soir.")
        .expect("the official answer");
    assert_eq!(
        official_answer.title,
        "Réponse officielle de karim (Vice-président) : « مصباح الشارع مُعَطَّل »"
    );
    assert_eq!(
        official_answer.lang, "ar",
        "replies take the issue's language"
    );
    let (_, in_arabic) = feed(
        &app,
        &format!("/feeds/issues/{id}.atom?lang=ar"),
        Some("fr"),
    )
    .await;
    assert_eq!(in_arabic.lang, "ar", "?lang= wins over Accept-Language");
    assert_eq!(
        in_arabic.entries[0].title,
        "تغيرت الحالة إلى «في طور الإنجاز»: «مصباح الشارع مُعَطَّل»"
    );
    let (_, in_tamazight) = feed(&app, &format!("/feeds/issues/{id}.atom"), Some("zgh")).await;
    assert_eq!(in_tamazight.lang, "zgh");

    // An erased account signs "former resident".
    let erased = app
        .send(Method::DELETE, "/api/v1/me", Some(&neighbour), None)
        .await;
    assert_eq!(erased.status(), 204);
    let (text, thread) = feed(&app, &format!("/feeds/issues/{id}.atom"), Some("fr")).await;
    let theirs = thread
        .entries
        .iter()
        .find(|e| e.content == "Moi aussi je l'ai remarqué.")
        .expect("the reply stays on the record");
    assert_eq!(theirs.author, "Ancien habitant");
    assert!(!text.contains("claire"), "{text}");

    // Conditional GET: the same feed is not sent twice; a change is.
    let first = app.get_in(&format!("/feeds/issues/{id}.atom"), "fr").await;
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    assert!(first.headers().contains_key("last-modified"));
    let again = app
        .client
        .get(app.url(&format!("/feeds/issues/{id}.atom")))
        .header("accept-language", "fr")
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.text().await.unwrap(), "");
    app.post(
        &format!("{path}/replies"),
        Some(&reporter),
        &json!({"body": "شكرا"}),
    )
    .await;
    let changed = app
        .client
        .get(app.url(&format!("/feeds/issues/{id}.atom")))
        .header("accept-language", "fr")
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), 200);
    assert_ne!(changed.headers()["etag"].to_str().unwrap(), etag);

    // What does not exist, or is not public, is a 404 problem.
    not_found(&app, "/feeds/communes/atlantis.atom").await;
    not_found(&app, "/feeds/communes/tangier/no_such_category.atom").await;
    not_found(&app, "/feeds/issues/999999.atom").await;
    not_found(&app, "/feeds/issues/abc.atom").await;
    not_found(&app, &format!("/feeds/issues/{}.atom", held["id"])).await;
    not_found(&app, "/feeds/petitions/999999.atom").await;
}

fn signature(name: &str, cin: &str) -> Value {
    json!({
        "full_name": name,
        "cin": cin,
        "address": "Derb Lalla Fatima 14, Sefrou",
        "declarations": {"lives_or_works_in_commune": true, "on_electoral_roll": true, "direct_interest": true},
        "consent": true
    })
}

/// The path of a feed address the API handed out.
fn path_of(url: &Value) -> String {
    let url = url.as_str().expect("a feed address");
    assert!(url.starts_with(&format!("{PUBLIC_URL}/feeds/me/")), "{url}");
    assert!(url.ends_with(".atom"), "{url}");
    url[PUBLIC_URL.len()..].to_owned()
}

#[tokio::test]
async fn my_feed_follows_my_issues_and_petitions_at_a_secret_address_i_can_rotate() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = tawasol_tests::admin(&app, &catcher).await;
    let official = user(&app, &catcher, "karim@tawasol.test", "fr").await;
    app.post(
        "/api/v1/admin/officials",
        Some(&admin),
        &json!({"email": "karim@tawasol.test", "commune": "tangier", "title": "Vice-président"}),
    )
    .await;
    let reporter = user(&app, &catcher, "amina@tawasol.test", "ar").await;
    let me = user(&app, &catcher, "claire@tawasol.test", "fr").await;
    let agent = user(&app, &catcher, "agent@tawasol.test", "fr").await;

    // An issue I follow, and one I do not.
    let followed = json_of(
        app.post(
            "/api/v1/issues",
            Some(&reporter),
            &lamp("مصباح الشارع مُعَطَّل", "الإنارة منعدمة في الشارع منذ أسبوع."),
        )
        .await,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let unfollowed = json_of(
        app.post(
            "/api/v1/issues",
            Some(&reporter),
            &lamp(
                "Trottoir effondré",
                "Le trottoir s'est effondré devant l'école.",
            ),
        )
        .await,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let res = app
        .send(
            Method::PUT,
            &format!("/api/v1/issues/{followed}/follow"),
            Some(&me),
            None,
        )
        .await;
    assert_eq!(res.status(), 204);
    for id in [followed, unfollowed] {
        let res = app
            .post(
                &format!("/api/v1/issues/{id}/status"),
                Some(&official),
                &json!({"status": "acknowledged", "note": "Signalement pris en compte."}),
            )
            .await;
        assert_eq!(res.status(), 200);
    }

    // A petition I sign: it reaches the threshold and its agent files it.
    app.send(
        Method::PATCH,
        "/api/v1/admin/communes/sefrou",
        Some(&admin),
        Some(&json!({"petition_threshold": 1})),
    )
    .await;
    let petition = json_of(
        app.post(
            "/api/v1/petitions",
            Some(&agent),
            &json!({"commune": "sefrou", "title": "Un jardin public au quartier Habbouna", "request": "Aménager un jardin public au quartier Habbouna.", "reasons": "Aucun espace vert à moins de deux kilomètres.", "filer_type": "citizens"}),
        )
        .await,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    not_found(&app, &format!("/feeds/petitions/{petition}.atom")).await;
    let res = app
        .post(
            &format!("/api/v1/petitions/{petition}/transitions"),
            Some(&agent),
            &json!({"to": "collecting"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let signed = json_of(
        app.post(
            &format!("/api/v1/petitions/{petition}/signatures"),
            Some(&me),
            &signature("Claire Benali", "JK55555"),
        )
        .await,
    )
    .await;
    assert_eq!(signed["status"], "ready");
    let res = app
        .post(
            &format!("/api/v1/petitions/{petition}/transitions"),
            Some(&agent),
            &json!({"to": "filed", "receipt_number": "R-2026-17", "filed_on": "2026-11-20"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let (_, timeline) = feed(
        &app,
        &format!("/feeds/petitions/{petition}.atom?lang=fr"),
        None,
    )
    .await;
    assert_eq!(
        timeline.alternates[0],
        (
            "text/html".into(),
            format!("{PUBLIC_URL}/petitions/{petition}")
        )
    );
    assert!(
        timeline
            .entries
            .iter()
            .all(|e| e.link == format!("{PUBLIC_URL}/petitions/{petition}")
                && e.id
                    .starts_with(&format!("{PUBLIC_URL}/petitions/{petition}#step-"))),
        "{timeline:?}"
    );
    let steps: Vec<&str> = timeline.entries.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        steps,
        [
            "Déposée : « Un jardin public au quartier Habbouna »",
            "Prête à déposer : « Un jardin public au quartier Habbouna »",
            "Collecte des signatures : « Un jardin public au quartier Habbouna »",
        ]
    );

    // My feed's address: anonymous callers get none.
    assert_eq!(
        app.send(Method::POST, "/api/v1/me/feed-token", None, None)
            .await
            .status(),
        401
    );
    let res = app
        .send(Method::POST, "/api/v1/me/feed-token", Some(&me), None)
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let first = path_of(&json_of(res).await["url"]);
    let (text, mine) = feed(&app, &first, None).await;
    assert_eq!(
        mine.lang, "fr",
        "in my own language when the reader names none"
    );
    assert_eq!(mine.title, "Mes suivis sur Tawasol");
    assert!(mine.alternates.is_empty(), "a personal feed has no page");
    let titles: Vec<&str> = mine.entries.iter().map(|e| e.title.as_str()).collect();
    assert!(
        titles.contains(&"Statut changé en « Pris en compte » : « مصباح الشارع مُعَطَّل »"),
        "the followed issue's status change: {titles:?}"
    );
    assert!(
        !text.contains("Trottoir effondré"),
        "not an issue I do not follow"
    );
    let filed = mine
        .entries
        .iter()
        .find(|e| e.title == "Déposée : « Un jardin public au quartier Habbouna »")
        .expect("the signed petition's step");
    assert_eq!(filed.lang, "fr");
    assert!(
        filed
            .content
            .contains("Déposée le 2026-11-20 sous le numéro de reçu R-2026-17."),
        "{}",
        filed.content
    );
    assert_eq!(filed.author, "agent");
    let ready = mine
        .entries
        .iter()
        .find(|e| e.title.starts_with("Prête à déposer"))
        .expect("the threshold step");
    assert_eq!(ready.author, "Tawasol", "the platform took that step");
    assert_eq!(ready.content, "Une signature : le seuil de 1 est atteint.");
    assert_eq!(mine.entries.len(), 4, "{titles:?}");
    // No personal data: no e-mail, and nothing a signatory gave but their public name.
    for secret in [
        "@tawasol.test",
        "JK55555",
        "Derb Lalla Fatima",
        "Claire Benali",
    ] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    let (_, in_arabic) = feed(&app, &format!("{first}?lang=ar"), None).await;
    assert_eq!(in_arabic.lang, "ar");
    assert_eq!(in_arabic.title, "ما أتابعه على تواصل");

    // A new address replaces the old one; revoking ends it.
    let second = path_of(
        &json_of(
            app.send(Method::POST, "/api/v1/me/feed-token", Some(&me), None)
                .await,
        )
        .await["url"],
    );
    assert_ne!(first, second);
    not_found(&app, &first).await;
    feed(&app, &second, None).await;
    let res = app
        .send(Method::DELETE, "/api/v1/me/feed-token", Some(&me), None)
        .await;
    assert_eq!(res.status(), 204);
    not_found(&app, &second).await;
    not_found(&app, "/feeds/me/not-a-token.atom").await;

    // Erasing my account ends my feed too.
    let third = path_of(
        &json_of(
            app.send(Method::POST, "/api/v1/me/feed-token", Some(&me), None)
                .await,
        )
        .await["url"],
    );
    feed(&app, &third, None).await;
    assert_eq!(
        app.send(Method::DELETE, "/api/v1/me", Some(&me), None)
            .await
            .status(),
        204
    );
    not_found(&app, &third).await;
}
