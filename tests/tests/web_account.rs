//! A person's account in the browser, followed as a person does, from the links and buttons the
//! pages show: signing up before reporting, the confirmation mail in their language, a link
//! asked for again; changing one's password, address and name; one's data.

use crate::web::{browser, get, link_to, location, logged_in_browser, post};
use serde_json::json;
use tawasol_tests::{
    TestApp, access, login, mail_to, smtp::SmtpCatcher, spawn_with_mail, verified_user,
};

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
    let neighbour = access(&verified_user(&app, &catcher, "karim@tawasol.test", "fr").await);
    let res = app
        .post(
            "/api/v1/issues",
            Some(&neighbour),
            &json!({"commune": "sefrou", "category": "public_lighting", "title": "Lampadaire éteint place Moulay Ismaïl", "description": "Le lampadaire de la place est éteint depuis dix jours."}),
        )
        .await;
    let other_issue = res.json::<serde_json::Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
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
    // Elsewhere, "confirm your address first" offers the link again too, leading back there.
    let issue_path = format!("/issues/{other_issue}");
    let (_, issue) = get(&app, &b, &issue_path).await;
    let res = press(&app, &b, &issue, &format!("{issue_path}/follow"), &[]).await;
    assert_eq!(res.status(), 403);
    let refused = res.text().await.unwrap();
    assert!(refused.contains("Confirmez d’abord votre adresse"));
    assert!(refused.contains("action=\"/verify-email/resend"));
    assert!(refused.contains(&format!("name=\"next\" value=\"{issue_path}\"")));
    let (_, me) = get(&app, &b, "/me").await;
    assert!(
        me.contains("Votre adresse n’est pas encore confirmée")
            && me.contains("action=\"/verify-email/resend")
    );
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

#[tokio::test]
async fn a_resident_changes_their_password_address_and_name_from_their_account_page() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let email = "salma@tawasol.test";
    let api_session = verified_user(&app, &catcher, email, "fr").await;
    let b = logged_in_browser(&app, email).await;
    let other = logged_in_browser(&app, email).await;
    let (_, home) = get(&app, &b, "/?lang=fr").await;
    let (_, me) = get(&app, &b, &link_to(&home, "Mon compte")).await;

    // A wrong current password: the form comes back, the reason next to the field and announced,
    // the passwords typed not kept.
    let res = press(
        &app,
        &b,
        &me,
        "/me/password",
        &[
            ("current_password", "not my password at all"),
            ("new_password", "a brand new password"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains("role=\"alert\""));
    assert!(page.contains("<p class=\"error\" id=\"password-current_password-error\">Le mot de passe actuel n’est pas le bon.</p>"));
    assert!(
        page.contains("aria-invalid=\"true\" aria-describedby=\"password-current_password-error\"")
    );
    assert!(
        !page.contains("a brand new password"),
        "passwords are never sent back"
    );
    // The right one: changed; this browser stays signed in, the other browser and the API's
    // session are signed out, and the owner is told by mail.
    let res = press(
        &app,
        &b,
        &page,
        "/me/password",
        &[
            ("current_password", "a long enough password"),
            ("new_password", "a brand new password"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let (status, me) = get(&app, &b, &location(&res)).await;
    assert_eq!(status, 200);
    assert!(me.contains("Vos autres sessions ont été fermées"));
    let res = other.get(app.url("/me")).send().await.unwrap();
    assert_eq!(res.status(), 303, "the other browser's session ended");
    let refreshed = app
        .post(
            "/api/v1/auth/refresh",
            None,
            &json!({"refresh_token": api_session["refresh_token"]}),
        )
        .await;
    assert_eq!(
        refreshed.status(),
        400,
        "the API session's refresh token ended"
    );
    let mails = mail_to(&catcher, email, 2).await;
    assert_eq!(mails[1].subject(), "Votre mot de passe Tawasol a changé");
    let res = app
        .post(
            "/api/v1/auth/login",
            None,
            &json!({"email": email, "password": "a brand new password"}),
        )
        .await;
    assert_eq!(res.status(), 200);

    // A new address: a link goes to it and a notice to the current one; nothing changes until
    // the link is followed.
    let new_email = "salma.b@tawasol.test";
    let res = press(
        &app,
        &b,
        &me,
        "/me/email",
        &[
            ("email", new_email),
            ("current_password", "a brand new password"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let (_, me) = get(&app, &b, &location(&res)).await;
    assert!(me.contains("Un lien de confirmation est parti vers la nouvelle adresse"));
    assert!(me.contains(email) && !me.contains(new_email));
    let notice = mail_to(&catcher, email, 3).await;
    assert_eq!(
        notice[2].subject(),
        "Changement d’adresse demandé sur votre compte Tawasol"
    );
    assert!(notice[2].body("text/plain").contains(new_email));
    let confirm = mail_to(&catcher, new_email, 1).await;
    assert_eq!(
        confirm[0].subject(),
        "Confirmez votre nouvelle adresse pour Tawasol"
    );
    let link = link_in_mail(&catcher, new_email, "confirm-email");
    assert!(link.contains("&lang=fr"));
    let (_, page) = get(&app, &browser(), &link).await;
    assert!(page.contains("<html lang=\"fr\"") && page.contains("<nav"));
    let (_, page) = get(&app, &b, &link).await;
    let res = press(&app, &b, &page, "/confirm-email", &[]).await;
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Votre compte utilise désormais cette adresse.")
    );
    let (_, me) = get(&app, &b, "/me").await;
    assert!(me.contains(new_email));
    login_with(&app, new_email, "a brand new password", 200).await;
    login_with(&app, email, "a brand new password", 401).await;

    // A public name with a phone number in it is refused, next to the field, as typed.
    let res = press(
        &app,
        &b,
        &me,
        "/me/name",
        &[("display_name", "Salma 06 12 34 56 78")],
    )
    .await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    assert!(
        page.contains(
            "id=\"name-display_name-error\">Ce texte est public dès qu’il est enregistré"
        )
    );
    assert_eq!(value_of(&page, "display_name"), "Salma 06 12 34 56 78");
    let res = press(&app, &b, &page, "/me/name", &[("display_name", "Salma B.")]).await;
    assert_eq!(res.status(), 303);
    let (_, me) = get(&app, &b, &location(&res)).await;
    assert!(me.contains("Votre nom affiché est changé.") && me.contains("Salma B."));
}

async fn login_with(app: &TestApp, email: &str, password: &str, status: u16) {
    let res = app
        .post(
            "/api/v1/auth/login",
            None,
            &json!({"email": email, "password": password}),
        )
        .await;
    assert_eq!(res.status(), status, "{email} with {password}");
}

#[tokio::test]
async fn the_api_changes_a_password_and_an_address_as_the_pages_do() {
    let (app, catcher) = spawn_with_mail(&[]).await;
    let email = "omar@tawasol.test";
    let first = verified_user(&app, &catcher, email, "ar").await;
    let second = login(&app, email).await;
    let token = access(&second);
    let res = app
        .send(
            reqwest::Method::PUT,
            "/api/v1/me/password",
            Some(&token),
            Some(&json!({"current_password": "wrong password here", "new_password": "a brand new password"})),
        )
        .await;
    assert_eq!(res.status(), 422);
    let problem: serde_json::Value = res.json().await.unwrap();
    assert_eq!(problem["errors"][0]["pointer"], "/current_password");
    let res = app
        .send(
            reqwest::Method::PUT,
            "/api/v1/me/password",
            Some(&token),
            Some(&json!({"current_password": "a long enough password", "new_password": "a brand new password"})),
        )
        .await;
    assert_eq!(res.status(), 204);
    // The other session ends (its access and refresh tokens); this one stays.
    let me = app
        .send(
            reqwest::Method::GET,
            "/api/v1/me",
            Some(&access(&first)),
            None,
        )
        .await;
    assert_eq!(me.status(), 401);
    let me = app
        .send(reqwest::Method::GET, "/api/v1/me", Some(&token), None)
        .await;
    assert_eq!(me.status(), 200);
    mail_to(&catcher, email, 2).await;
    // A new address, confirmed by the link mailed to it.
    let res = app
        .post(
            "/api/v1/me/email?lang=fr",
            Some(&token),
            &json!({"email": "omar.new@tawasol.test", "current_password": "a brand new password"}),
        )
        .await;
    assert_eq!(res.status(), 202);
    mail_to(&catcher, "omar.new@tawasol.test", 1).await;
    mail_to(&catcher, email, 3).await;
    let link_token = tawasol_tests::token_in_mail(&catcher, "omar.new@tawasol.test");
    let res = app
        .post(
            "/api/v1/auth/email-change/confirm",
            None,
            &json!({"token": link_token}),
        )
        .await;
    assert_eq!(res.status(), 204);
    let again = app
        .post(
            "/api/v1/auth/email-change/confirm",
            None,
            &json!({"token": link_token}),
        )
        .await;
    assert_eq!(again.status(), 400, "single use");
    let me: serde_json::Value = app
        .send(reqwest::Method::GET, "/api/v1/me", Some(&token), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["email"], "omar.new@tawasol.test");
}

#[tokio::test]
async fn my_data_holds_my_reports_and_replies_even_those_held_for_a_moderator() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let email = "youssef@tawasol.test";
    let token = access(&verified_user(&app, &catcher, email, "fr").await);
    let res = app
        .post(
            "/api/v1/issues",
            Some(&token),
            &json!({"commune": "sefrou", "category": "roads_sidewalks", "title": "Égout bouché rue Al Qods", "description": "L’égout déborde à chaque pluie devant le numéro 4."}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let issue: serde_json::Value = res.json().await.unwrap();
    let id = issue["id"].as_i64().unwrap();
    for body in [
        "Toujours bouché ce matin.",
        "Appelez-moi au 06 12 34 56 78 pour voir.",
    ] {
        let res = app
            .post(
                &format!("/api/v1/issues/{id}/replies"),
                Some(&token),
                &json!({ "body": body }),
            )
            .await;
        assert_eq!(res.status(), 201);
    }
    let b = logged_in_browser(&app, email).await;
    let (_, me) = get(&app, &b, "/me?lang=fr").await;
    let res = b
        .get(app.url(&link_to(&me, "Télécharger")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let data: serde_json::Value = res.json().await.unwrap();
    assert_eq!(data["issues"][0]["id"], id);
    assert_eq!(data["issues"][0]["title"], "Égout bouché rue Al Qods");
    assert_eq!(data["issues"][0]["commune"], "sefrou");
    let replies = data["replies"].as_array().unwrap();
    assert_eq!(replies.len(), 2);
    assert_eq!(replies[0]["issue_id"], id);
    assert_eq!(replies[0]["body"], "Toujours bouché ce matin.");
    assert_eq!(replies[1]["visibility"], "pending", "held, and still mine");
}
