//! Moderation as people do it in a browser without JavaScript: a resident reports abuse from an
//! issue's page by its links; a moderator reaches the queue from the header, reads the flags'
//! reasons, hides, keeps or restores with a reason; the author is told once, in their language.

use crate::web::{assert_translated, browser, csrf, get, location, logged_in_browser, post};
use reqwest::Method;
use serde_json::{Value, json};
use tawasol_tests::{TestApp, access, admin, mail_to, spawn_with_mail, verified_user};

async fn json_of(res: reqwest::Response) -> Value {
    res.json().await.unwrap()
}

/// The address of the first link whose text (or attribute run) contains `marker`.
fn link_to(html: &str, marker: &str) -> String {
    let at = html
        .find(marker)
        .unwrap_or_else(|| panic!("{marker:?} on the page"));
    let href = html[..at].rfind("href=\"").expect("a link before it") + 6;
    html[href..].chars().take_while(|c| *c != '"').collect()
}

/// The part of a page from the element with this id to the end of its `article`.
fn article<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("{id} on the page"));
    let end = html[start..].find("</article>").expect("its end") + start;
    &html[start..end]
}

/// The mails to `to` whose subject is `subject`, once the outbox has had time to send.
async fn mails_about(catcher: &tawasol_tests::smtp::SmtpCatcher, to: &str, subject: &str) -> usize {
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    catcher
        .mails()
        .into_iter()
        .filter(|m| m.to.iter().any(|t| t == to) && m.subject() == subject)
        .count()
}

struct Cast {
    admin: String,
    issue: i64,
    reply: i64,
}

/// A moderator of Tangier (French), Amina who reported an issue (Arabic), Karim who replied to it
/// (French) and Samir, a resident who will report abuse (French).
async fn cast(app: &TestApp, catcher: &tawasol_tests::smtp::SmtpCatcher) -> Cast {
    let admin = admin(app, catcher).await;
    verified_user(app, catcher, "mod@tawasol.test", "fr").await;
    let added = app
        .post(
            "/api/v1/admin/moderators",
            Some(&admin),
            &json!({"email": "mod@tawasol.test", "commune": "tangier"}),
        )
        .await;
    assert!(added.status().is_success());
    let amina = access(&verified_user(app, catcher, "amina@tawasol.test", "ar").await);
    let karim = access(&verified_user(app, catcher, "karim@tawasol.test", "fr").await);
    verified_user(app, catcher, "samir@tawasol.test", "fr").await;
    let issue = json_of(
        app.post(
            "/api/v1/issues",
            Some(&amina),
            &json!({"commune": "tangier", "category": "public_lighting", "title": "Lampadaire éteint rue des Oliviers", "description": "Éteint depuis trois nuits, la rue est dans le noir."}),
        )
        .await,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let reply = json_of(
        app.post(
            &format!("/api/v1/issues/{issue}/replies"),
            Some(&karim),
            &json!({"body": "Toujours la même histoire dans ce quartier de fainéants."}),
        )
        .await,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    Cast {
        admin,
        issue,
        reply,
    }
}

#[tokio::test]
async fn web_moderation_a_flag_from_the_page_reaches_the_queue_and_the_author_is_told_once() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let Cast {
        admin,
        issue,
        reply,
    } = cast(&app, &catcher).await;

    // Samir finds the issue from the home page, and reports it by the link its page shows.
    let samir = logged_in_browser(&app, "samir@tawasol.test").await;
    let (_, home) = get(&app, &samir, "/?lang=fr").await;
    let commune = link_to(&home, "<bdi>Tanger</bdi>");
    let (_, commune_page) = get(&app, &samir, &commune).await;
    let page = link_to(&commune_page, "Lampadaire éteint rue des Oliviers");
    assert_eq!(page, format!("/issues/{issue}"));
    let (_, issue_page) = get(&app, &samir, &page).await;
    let form = link_to(&issue_page, ">Signaler un abus<");

    assert_eq!(form, format!("/issues/{issue}/flag"));
    let (status, form_page) = get(&app, &samir, &form).await;
    assert_eq!(status, 200);
    assert!(form_page.contains("Lampadaire éteint rue des Oliviers"));
    // Without a reason, the form comes back with the error beside the field.
    let res = post(
        &app,
        &samir,
        &form,
        &[("_csrf", &csrf(&form_page)), ("reason", "  ")],
    )
    .await;
    assert_eq!(res.status(), 200, "the form again");
    let again = res.text().await.unwrap();
    assert!(again.contains("role=\"alert\""));
    assert!(again.contains("<p class=\"error\" id=\"reason-error\">Expliquez le signalement"));
    assert!(again.contains("aria-describedby=\"reason-help reason-error\" aria-invalid=\"true\""));
    let res = post(
        &app,
        &samir,
        &form,
        &[
            ("_csrf", &csrf(&again)),
            ("reason", "Le titre vise un voisin nommément."),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let back = location(&res);
    assert_eq!(back, format!("/issues/{issue}?flagged=1"));
    let (_, thanked) = get(&app, &samir, &back).await;
    assert!(thanked.contains("Merci : votre signalement d’abus a été transmis aux modérateurs."));
    // The reply too, by the link beside it.
    let reply_form = link_to(
        article(&thanked, &format!("reply-{reply}")),
        ">Signaler un abus<",
    );
    assert_eq!(reply_form, format!("/replies/{reply}/flag"));
    let (_, reply_form_page) = get(&app, &samir, &reply_form).await;
    assert!(reply_form_page.contains("quartier de fainéants"));
    let res = post(
        &app,
        &samir,
        &reply_form,
        &[
            ("_csrf", &csrf(&reply_form_page)),
            ("reason", "Insulte les habitants du quartier."),
        ],
    )
    .await;
    assert_eq!(
        location(&res),
        format!("/issues/{issue}?flagged=1#reply-{reply}")
    );
    // Twice: the form and the page say plainly it is already reported.
    let (_, once_more) = get(&app, &samir, &form).await;
    assert!(once_more.contains("Vous avez déjà signalé ce contenu"));
    assert!(!once_more.contains("name=\"reason\""));
    let res = post(
        &app,
        &samir,
        &form,
        &[("_csrf", &csrf(&once_more)), ("reason", "Encore.")],
    )
    .await;
    let (_, said) = get(&app, &samir, &location(&res)).await;
    assert!(said.contains("Vous avez déjà signalé ce contenu : les modérateurs l’examineront."));

    // Nobody is offered to report their own words; a visitor logs in first, and comes back.
    let amina = logged_in_browser(&app, "amina@tawasol.test").await;
    let (_, own) = get(&app, &amina, &page).await;
    assert!(!own.contains(&format!("href=\"/issues/{issue}/flag\"")));
    assert!(own.contains(&format!("href=\"/replies/{reply}/flag\"")));
    let karim = logged_in_browser(&app, "karim@tawasol.test").await;
    let (_, own) = get(&app, &karim, &page).await;
    assert!(!own.contains(&format!("href=\"/replies/{reply}/flag\"")));
    let visitor = browser();
    let (_, public) = get(&app, &visitor, &format!("{page}?lang=fr")).await;
    let res = visitor
        .get(app.url(&link_to(&public, ">Signaler un abus<")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), format!("/login?next=/issues/{issue}/flag"));

    // The moderator goes from the home page to the queue by the header's link, and reads the
    // flags with their reasons.
    let moderator = logged_in_browser(&app, "mod@tawasol.test").await;
    let (_, home) = get(&app, &moderator, "/?lang=fr").await;
    let queue_path = link_to(&home, ">Modération<");
    let (status, queue) = get(&app, &moderator, &queue_path).await;
    assert_eq!(status, 200);
    let item = article(&queue, &format!("issues-{issue}"));
    assert!(item.contains("Lampadaire éteint rue des Oliviers"));
    assert!(item.contains("un signalement d’abus"));
    assert!(item.contains("Le titre vise un voisin nommément."));
    assert!(
        !item.contains("Encore."),
        "a second flag by the same person is not one"
    );
    let item = article(&queue, &format!("replies-{reply}"));
    assert!(item.contains("Insulte les habitants du quartier."));
    // The REST queue says the same, reasons and all, and never who flagged.
    let api_queue = json_of(
        app.send(Method::GET, "/api/v1/moderation/queue", Some(&admin), None)
            .await,
    )
    .await;
    let listed = api_queue["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["target_type"] == "reply")
        .unwrap()
        .clone();
    assert_eq!(listed["flags"], 1);
    assert_eq!(
        listed["reasons"][0]["reason"],
        "Insulte les habitants du quartier."
    );
    assert!(!api_queue.to_string().contains("samir"));

    // Hiding without a reason comes back on the queue, beside the field, with what was typed.
    let action = format!("/moderation/issues/{issue}");
    let too_long = "trop ".repeat(201);
    let res = post(
        &app,
        &moderator,
        &action,
        &[
            ("_csrf", &csrf(&queue)),
            ("action", "hide"),
            ("reason", &too_long),
        ],
    )
    .await;
    assert_eq!(res.status(), 200, "the form again");
    let returned = res.text().await.unwrap();
    assert!(returned.contains("role=\"alert\""));
    assert!(returned.contains(&format!("href=\"#reason-issues-{issue}\"")));
    let field = article(&returned, &format!("issues-{issue}"));
    assert!(field.contains("Motivez la décision en 1 à 1 000 caractères."));
    assert!(field.contains(&format!("value=\"{too_long}\"")));
    assert!(field.contains(&format!(
        "aria-invalid=\"true\" aria-describedby=\"reason-issues-{issue}-error\""
    )));
    let res = post(
        &app,
        &moderator,
        &action,
        &[
            ("_csrf", &csrf(&returned)),
            ("action", "hide"),
            ("reason", ""),
        ],
    )
    .await;
    assert_eq!(res.status(), 200, "the form again");
    // With a reason, it is hidden: the public gets 404, the moderator the page with a banner.
    let res = post(
        &app,
        &moderator,
        &action,
        &[
            ("_csrf", &csrf(&returned)),
            ("action", "hide"),
            ("reason", "Vise un voisin nommément."),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/moderation");
    assert_eq!(get(&app, &browser(), &page).await.0, 404);
    assert_eq!(get(&app, &samir, &page).await.0, 404);
    assert_eq!(
        app.get(&format!("/api/v1/issues/{issue}")).await.status(),
        404
    );
    let (status, seen) = get(&app, &moderator, &format!("{page}?lang=fr")).await;
    assert_eq!(status, 200);
    assert!(
        seen.contains("Ce signalement est masqué au public. Motif : Vise un voisin nommément.")
    );
    assert!(seen.contains(&format!("href=\"/moderation#issues-{issue}\"")));
    // The moderator reads it; nothing on the page leads to a refusal (no reply, support or
    // follow on what only they can see).
    for form in ["/replies\"", "/support\"", "/follow\""] {
        assert!(
            !seen.contains(&format!("action=\"{page}{form}")),
            "{form} offered on a hidden issue"
        );
    }
    // The author is told once, in Arabic, with the reason.
    let hidden_ar = "تم إخفاء مساهمتك";
    let mails = mail_to(&catcher, "amina@tawasol.test", 2).await;
    assert_eq!(mails[1].subject(), hidden_ar);
    assert!(
        mails[1]
            .body("text/plain")
            .contains("Vise un voisin nommément.")
    );

    // Keep: the reply's flag is dismissed, the reply stays, its author gets nothing.
    let (_, queue) = get(&app, &moderator, &queue_path).await;
    let res = post(
        &app,
        &moderator,
        &format!("/moderation/replies/{reply}"),
        &[
            ("_csrf", &csrf(&queue)),
            ("action", "keep"),
            ("reason", "Vif, mais sans insulte envers une personne."),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let (_, queue) = get(&app, &moderator, &queue_path).await;
    assert!(!queue.contains(&format!("id=\"replies-{reply}\"")));
    assert!(
        queue.contains(&format!("id=\"issues-{issue}\"")),
        "the hidden issue stays listed"
    );
    // Restoring an item that was never hidden: no "published again".
    let restored = app
        .post(
            &format!("/api/v1/moderation/replies/{reply}"),
            Some(&admin),
            &json!({"action": "restore", "reason": "Rien à reprocher."}),
        )
        .await;
    assert_eq!(restored.status(), 204);
    assert_eq!(
        mails_about(
            &catcher,
            "karim@tawasol.test",
            "Votre contribution est de nouveau publique"
        )
        .await,
        0
    );
    assert_eq!(
        mails_about(
            &catcher,
            "karim@tawasol.test",
            "Votre contribution a été masquée"
        )
        .await,
        0
    );
    // Hiding the issue again, already hidden, tells its author nothing more.
    let again = app
        .post(
            &format!("/api/v1/moderation/issues/{issue}"),
            Some(&admin),
            &json!({"action": "hide", "reason": "Toujours masqué."}),
        )
        .await;
    assert_eq!(again.status(), 204);
    assert_eq!(
        mails_about(&catcher, "amina@tawasol.test", hidden_ar).await,
        1
    );

    // A reply hidden in a thread: the moderator sees it marked, the public does not see it.
    let hidden = app
        .post(
            &format!("/api/v1/moderation/replies/{reply}"),
            Some(&admin),
            &json!({"action": "hide", "reason": "Finalement, insultant."}),
        )
        .await;
    assert_eq!(hidden.status(), 204);
    let (_, seen) = get(&app, &moderator, &page).await;
    let marked = article(&seen, &format!("reply-{reply}"));
    assert!(marked.contains("<span class=\"status\">Masqué</span>"));
    assert!(!marked.contains("Signaler un abus"));
    // Restoring the hidden issue from the queue: its author is told it is published again.
    let (_, queue) = get(&app, &moderator, &queue_path).await;
    let item = article(&queue, &format!("issues-{issue}"));
    assert!(item.contains("value=\"restore\""));
    assert!(!item.contains("value=\"hide\""));
    let res = post(
        &app,
        &moderator,
        &format!("/moderation/issues/{issue}"),
        &[
            ("_csrf", &csrf(&queue)),
            ("action", "restore"),
            ("reason", "Titre corrigé avec l’autrice."),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let (status, public) = get(&app, &browser(), &page).await;
    assert_eq!(status, 200);
    assert!(
        !public.contains("quartier de fainéants"),
        "the hidden reply stays hidden"
    );
    let mails = mail_to(&catcher, "amina@tawasol.test", 3).await;
    assert_eq!(mails[2].subject(), "أصبحت مساهمتك منشورة من جديد");
    assert_eq!(
        mails_about(&catcher, "amina@tawasol.test", hidden_ar).await,
        1
    );
    assert_eq!(
        mails_about(
            &catcher,
            "karim@tawasol.test",
            "Votre contribution a été masquée"
        )
        .await,
        1
    );
    assert_eq!(
        catcher
            .mails()
            .iter()
            .filter(|m| m.to.iter().any(|t| t == "amina@tawasol.test"))
            .count(),
        3
    );
}

#[tokio::test]
async fn web_moderation_pages_read_in_each_language() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let Cast { issue, reply, .. } = cast(&app, &catcher).await;
    let samir = logged_in_browser(&app, "samir@tawasol.test").await;
    let moderator = logged_in_browser(&app, "mod@tawasol.test").await;
    let (_, form) = get(&app, &samir, &format!("/replies/{reply}/flag")).await;
    post(
        &app,
        &samir,
        &format!("/replies/{reply}/flag"),
        &[("_csrf", &csrf(&form)), ("reason", "Insultant.")],
    )
    .await;
    let (_, queue) = get(&app, &moderator, "/moderation").await;
    let hidden = post(
        &app,
        &moderator,
        &format!("/moderation/issues/{issue}"),
        &[
            ("_csrf", &csrf(&queue)),
            ("action", "hide"),
            ("reason", "Hors charte."),
        ],
    )
    .await;
    assert_eq!(hidden.status(), 303);
    for (lang, dir) in [("ar", "rtl"), ("fr", "ltr"), ("zgh", "ltr")] {
        for (b, path) in [
            (&samir, format!("/issues/{issue}/flag")),
            (&samir, format!("/replies/{reply}/flag")),
            (&moderator, "/moderation".to_owned()),
            (&moderator, format!("/issues/{issue}")),
        ] {
            let url = format!("{path}?lang={lang}");
            let (status, html) = get(&app, b, &url).await;
            let expected = if path.starts_with("/issues/") && path.ends_with("/flag") {
                404 // hidden: nothing to report any more
            } else {
                200
            };
            assert_eq!(status, expected, "{url}");
            assert!(
                html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
                "{url}"
            );
            assert_translated(&html, &url);
        }
        // The form's error and the queue's, in the reader's language.
        let (_, form) = get(&app, &samir, &format!("/replies/{reply}/flag?lang={lang}")).await;
        assert!(
            !form.contains("name=\"reason\""),
            "already reported: no form"
        );
        let (_, queue) = get(&app, &moderator, &format!("/moderation?lang={lang}")).await;
        let res = post(
            &app,
            &moderator,
            &format!("/moderation/replies/{reply}?lang={lang}"),
            &[("_csrf", &csrf(&queue)), ("action", "keep"), ("reason", "")],
        )
        .await;
        assert_eq!(res.status(), 200, "the form again");
        let html = res.text().await.unwrap();
        assert!(html.contains(&format!("<html lang=\"{lang}\"")));
        assert!(html.contains("role=\"alert\""));
        assert_translated(&html, &format!("the queue's error in {lang}"));
    }
}
