//! A person's account in the browser, followed as a person does, from the links and buttons the
//! pages show: signing up before reporting, the confirmation mail in their language, a link
//! asked for again; changing one's password, address and name; one's data.

use crate::web::{browser, get, link_to, location, post};
use tawasol_tests::{TestApp, mail_to, smtp::SmtpCatcher, spawn_with_mail};

/// The `value` of the field `name` on a page (what the browser would send back).
fn value_of(html: &str, name: &str) -> String {
    let at = html
        .find(&format!("name=\"{name}\""))
        .unwrap_or_else(|| panic!("a field {name}"));
    let tag_end = at + html[at..].find('>').expect("the end of the tag");
    let tag = &html[at..tag_end];
    if let Some(v) = tag.find("value=\"") {
        return tag[v + 7..].chars().take_while(|c| *c != '"').collect();
    }
    // A text area holds its value between its tags.
    html[tag_end + 1..]
        .split("</textarea>")
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// The address of the link in the newest mail to `to` that leads to `page`, as the mail has it.
fn link_in_mail(catcher: &SmtpCatcher, to: &str, page: &str) -> String {
    let mails = catcher.mails();
    let mail = mails
        .iter()
        .rev()
        .find(|m| m.to.iter().any(|t| t == to))
        .unwrap_or_else(|| panic!("no mail to {to}"));
    let text = mail.body("text/plain");
    let at = text
        .find(&format!("/{page}?"))
        .unwrap_or_else(|| panic!("a link to {page} in {text}"));
    text[at..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect()
}

/// The form on `html` whose action is `action`, posted with its hidden fields and `extra`.
async fn press(
    app: &TestApp,
    b: &reqwest::Client,
    html: &str,
    action: &str,
    extra: &[(&str, &str)],
) -> reqwest::Response {
    let at = html
        .find(&format!("action=\"{action}"))
        .unwrap_or_else(|| panic!("a form posting to {action}"));
    let form = &html[at..at + html[at..].find("</form>").expect("the end of the form")];
    let target: String = form[8..].chars().take_while(|c| *c != '"').collect();
    let target = target.replace("&amp;", "&");
    let mut fields: Vec<(String, String)> = form
        .split("<input type=\"hidden\" ")
        .skip(1)
        .map(|input| {
            let name: String = input[6..].chars().take_while(|c| *c != '"').collect();
            let v = input.find("value=\"").expect("a value") + 7;
            (name, input[v..].chars().take_while(|c| *c != '"').collect())
        })
        .collect();
    fields.extend(
        extra
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
    );
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    post(app, b, &target, &fields).await
}

#[tokio::test]
async fn a_french_resident_signs_up_while_reporting_confirms_from_the_mail_and_sends_the_report() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let email = "nadia@tawasol.test";
    let b = browser();
    // From the home page, "report a problem" in a commune: log in first, or sign up.
    let (_, home) = get(&app, &b, "/?lang=fr").await;
    let report = link_to(&home, "/communes/sefrou/report");
    let res = b.get(app.url(&report)).send().await.unwrap();
    assert_eq!(res.status(), 303);
    let (_, login) = get(&app, &b, &location(&res)).await;
    let signup = link_to(&login, "/signup?next=");
    assert!(
        signup.contains("next="),
        "{signup}: back to the report form"
    );
    let (_, form) = get(&app, &b, &signup.replace("&amp;", "&")).await;
    assert!(form.contains("<html lang=\"fr\""));
    let res = press(
        &app,
        &b,
        &form,
        "/signup",
        &[
            ("display_name", "Nadia"),
            ("email", email),
            ("password", "a long enough password"),
            ("locale", "fr"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    // The mail is French, and so is the link in it.
    let mails = mail_to(&catcher, email, 1).await;
    assert_eq!(mails[0].subject(), "Confirmez votre adresse pour Tawasol");
    let first_link = link_in_mail(&catcher, email, "verify-email");
    assert!(first_link.contains("&lang=fr"), "{first_link}");
    assert!(
        first_link.contains("&next=/communes/sefrou/report"),
        "{first_link}"
    );

    // Before confirming, the person logs in and starts a report: the form says, before anything
    // is typed, that the address must be confirmed, with the link to ask for again.
    let (_, login) = get(&app, &b, &format!("/login?next={report}")).await;
    let res = press(
        &app,
        &b,
        &login,
        "/login",
        &[("email", email), ("password", "a long enough password")],
    )
    .await;
    assert_eq!(location(&res), report);
    let (_, form) = get(&app, &b, &report).await;
    assert!(form.contains("Votre adresse n’est pas encore confirmée"));
    assert!(form.contains("Renvoyer le lien de confirmation"));
    // Sent anyway: refused, and everything typed is still there.
    let title = "Trottoir effondré rue des Orangers";
    let description =
        "Le trottoir s’est effondré devant l’école, les enfants marchent sur la route.";
    let res = press(
        &app,
        &b,
        &form,
        "/communes/sefrou/report",
        &[
            ("category", "roads_sidewalks"),
            ("title", title),
            ("description", description),
            ("address", "Rue des Orangers"),
            ("post_anyway", "1"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    let kept = res.text().await.unwrap();
    assert_eq!(value_of(&kept, "title"), title);
    assert_eq!(value_of(&kept, "description"), description);
    assert!(kept.contains("Votre adresse n’est pas encore confirmée"));
    // One click asks for the link again: a second mail.
    let res = press(&app, &b, &kept, "/verify-email/resend", &[]).await;
    assert_eq!(res.status(), 200);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("un nouveau lien vient de lui être envoyé")
    );
    mail_to(&catcher, email, 2).await;

    // Two days later both links have expired: the page says so and offers a new one, in French
    // (the mail's language, though this browser never chose one).
    app.clock.advance(chrono::TimeDelta::hours(49));
    let mail_app = browser();
    let (_, page) = get(&app, &mail_app, &first_link).await;
    assert!(page.contains("<html lang=\"fr\""), "{page}");
    let res = press(&app, &mail_app, &page, "/verify-email", &[]).await;
    let used = res.text().await.unwrap();
    assert!(used.contains("Ce lien n’est plus valable"), "{used}");
    let res = press(&app, &mail_app, &used, "/verify-email/resend", &[]).await;
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("un nouveau lien vient de lui être envoyé")
    );
    mail_to(&catcher, email, 3).await;

    // The new link, opened from the mail: French pages with the site's menu; confirming signs the
    // person in and takes them back to the report form.
    let link = link_in_mail(&catcher, email, "verify-email");
    assert_ne!(link, first_link);
    let phone = browser();
    let (_, page) = get(&app, &phone, &link).await;
    assert!(page.contains("<html lang=\"fr\"") && page.contains("<nav"));
    let res = press(&app, &phone, &page, "/verify-email", &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), report);
    let (_, form) = get(&app, &phone, &report).await;
    assert!(form.contains("<html lang=\"fr\""));
    assert!(
        form.contains("Nadia"),
        "signed in: the menu names the person"
    );
    assert!(!form.contains("Votre adresse n’est pas encore confirmée"));

    // The form that kept what was typed now sends it.
    let typed = ["title", "description", "address"].map(|f| value_of(&kept, f));
    let res = press(
        &app,
        &b,
        &kept,
        "/communes/sefrou/report",
        &[
            ("category", "roads_sidewalks"),
            ("title", &typed[0]),
            ("description", &typed[1]),
            ("address", &typed[2]),
            ("post_anyway", "1"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let (_, issue) = get(&app, &b, &location(&res)).await;
    assert!(issue.contains(title));
    assert!(issue.contains("Merci !"));
}
