//! One journey per role, in a real browser (Debian's Chromium), each starting from the home page
//! and following only the links and buttons the pages show (the one address typed is a mail's
//! link, opened as a mail reader would): in Arabic on a phone-sized window, and in French on a
//! desktop one. At each step the page is photographed in the three languages, switched by the
//! page's own language links; the folder is printed (`--nocapture`) to look at.
//!
//! What the people do before their journey starts (an account made official, moderator or
//! member of an association by an administrator) is set up through the API, as the
//! administrator's own pages are not part of these journeys.

use super::browser::Driver;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::time::Duration;
use tawasol_tests::{TestApp, spawn_with_mail, verified_user};

/// A window and the language the person reads.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Device {
    pub lang: &'static str,
    pub width: u32,
    pub height: u32,
    pub name: &'static str,
}

/// Arabic on a phone (390 px wide), French on a desktop.
pub(crate) const DEVICES: [Device; 2] = [
    Device {
        lang: "ar",
        width: 390,
        height: 844,
        name: "phone",
    },
    Device {
        lang: "fr",
        width: 1280,
        height: 900,
        name: "desktop",
    },
];

/// A person's way through the site in one browser, with the photographs of each step.
pub(crate) struct Journey {
    pub d: Driver,
    pub device: Device,
    role: &'static str,
    folder: PathBuf,
    step: u32,
}

impl Journey {
    pub(crate) async fn start(app: &TestApp, role: &'static str, device: Device) -> Journey {
        let d = Driver::start().await;
        d.call(
            reqwest::Method::POST,
            "/window/rect",
            Some(json!({"width": device.width, "height": device.height})),
        )
        .await;
        let folder = screenshots().join(format!("{role}-{}", device.name));
        std::fs::create_dir_all(&folder).unwrap();
        let j = Journey {
            d,
            device,
            role,
            folder,
            step: 0,
        };
        // The home page, in the person's language (the language switch is the first thing a
        // visitor sees).
        j.d.go(&app.url("/")).await;
        j.click(&format!("a[hreflang='{}']", device.lang)).await;
        j.assert_lang(device.lang).await;
        j
    }

    /// Follows a link or presses a button the page shows (a CSS selector of it), then waits
    /// for the page it leads to.
    pub(crate) async fn click(&self, css: &str) {
        let found = self
            .d
            .script(&format!(
                "return document.querySelector({}) !== null;",
                json!(css)
            ))
            .await;
        assert_eq!(
            found,
            Value::Bool(true),
            "{} ({}): the page offers no {css}:\n{}",
            self.role,
            self.device.name,
            self.d.source().await
        );
        let before = self.d.current_url().await;
        let marker = self
            .d
            .script("window.__journey = Math.random(); return window.__journey;")
            .await;
        self.d.click(css).await;
        // A new document (even at the same address) has no marker.
        for _ in 0..400 {
            let now = self.d.script("return window.__journey;").await;
            if now != marker {
                self.wait_loaded().await;
                return;
            }
            // A link to a part of the same page (`/#communes` on the home page) moves there.
            if self.d.current_url().await != before {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "{css} did not lead anywhere from {before} (now at {}):\n{}",
            self.d.current_url().await,
            self.d.source().await
        );
    }

    async fn wait_loaded(&self) {
        for _ in 0..150 {
            if self.d.script("return document.readyState;").await == json!("complete") {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Types into a field of the page.
    pub(crate) async fn fill(&self, css: &str, text: &str) {
        self.d.fill(css, text).await;
    }

    pub(crate) async fn source(&self) -> String {
        self.d.source().await
    }

    /// The page says `text` (the person's language, as they read it).
    pub(crate) async fn assert_says(&self, text: &str) {
        let html = self.source().await;
        assert!(
            html.contains(text),
            "{} ({}): the page does not say {text:?}:\n{html}",
            self.role,
            self.device.name
        );
    }

    async fn assert_lang(&self, lang: &str) {
        let html = self.source().await;
        assert!(
            html.contains(&format!("<html lang=\"{lang}\"")),
            "a page in {lang}"
        );
    }

    /// The words of this step in the person's language: Arabic or French.
    pub(crate) fn says(&self, ar: &'static str, fr: &'static str) -> &'static str {
        if self.device.lang == "ar" { ar } else { fr }
    }

    /// Photographs the page in the three languages, switched by the page's own links, and comes
    /// back to the person's language (the page is loaded again: photograph a form before
    /// filling it).
    pub(crate) async fn photograph(&mut self, what: &str) {
        self.step += 1;
        for lang in ["ar", "fr", "zgh"] {
            self.click(&format!("a[hreflang='{lang}']")).await;
            self.assert_lang(lang).await;
            let file = self
                .folder
                .join(format!("{:02}-{what}-{lang}.png", self.step));
            self.whole_page_screenshot(&file).await;
            let size = std::fs::metadata(&file).unwrap().len();
            assert!(size > 1000, "{} is empty", file.display());
        }
        self.click(&format!("a[hreflang='{}']", self.device.lang))
            .await;
        self.assert_lang(self.device.lang).await;
    }

    /// The whole page, not only what the window shows (a phone's form is below the fold): the
    /// window made as tall as the page for the picture, then as it was.
    async fn whole_page_screenshot(&self, file: &std::path::Path) {
        // The page's height, and what the window adds around the page (its frame).
        let sizes = self
            .d
            .script(
                "return [Math.ceil(document.documentElement.scrollHeight), \
                 window.innerHeight, window.outerHeight];",
            )
            .await;
        let number = |i: usize| sizes[i].as_u64().unwrap_or(0);
        let (page, inner, outer) = (number(0), number(1), number(2));
        if page <= inner {
            self.d.screenshot(file).await;
            return;
        }
        self.resize((page + outer.saturating_sub(inner)).min(12_000))
            .await;
        self.d.screenshot(file).await;
        self.resize(u64::from(self.device.height)).await;
    }

    async fn resize(&self, height: u64) {
        let before = self.d.script("return window.innerHeight;").await;
        self.d
            .call(
                reqwest::Method::POST,
                "/window/rect",
                Some(json!({"width": self.device.width, "height": height})),
            )
            .await;
        // Until the page is laid out again at its new size.
        for _ in 0..40 {
            if self.d.script("return window.innerHeight;").await != before {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    /// Logs in from the header's link, and comes back where the person was.
    pub(crate) async fn log_in(&self, email: &str, password: &str) {
        self.click("header a[href^='/login']").await;
        self.fill("#email", email).await;
        self.fill("#password", password).await;
        self.click("main form button[type=submit]").await;
        let html = self.source().await;
        assert!(
            html.contains("action=\"/logout\""),
            "{email} is logged in:\n{html}"
        );
    }

    /// Logs out with the header's button.
    pub(crate) async fn log_out(&self) {
        self.click("header form[action='/logout'] button").await;
    }
}

/// Where the journeys' photographs go (printed once).
pub(crate) fn screenshots() -> PathBuf {
    static FOLDER: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    FOLDER
        .get_or_init(|| {
            let folder =
                std::env::temp_dir().join(format!("tawasol-journeys-{}", std::process::id()));
            std::fs::create_dir_all(&folder).unwrap();
            eprintln!("the journeys' screenshots: {}", folder.display());
            folder
        })
        .clone()
}

/// The petition's agent starts a petition from the petitions page, publishes it, and sees a
/// resident's signature counted; the resident finds it from the header and signs it.
#[tokio::test]
async fn a_petition_agent_starts_a_petition_and_a_resident_signs_it() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    for (n, device) in DEVICES.iter().enumerate() {
        let agent = format!("agent{n}@tawasol.test");
        let resident = format!("signatory{n}@tawasol.test");
        verified_user(&app, &catcher, &agent, device.lang).await;
        verified_user(&app, &catcher, &resident, device.lang).await;
        let mut j = Journey::start(&app, "agent", *device).await;
        j.photograph("home").await;
        j.log_in(&agent, "a long enough password").await;

        // From the header to the petitions, then to the form of a commune's petition.
        j.click("header a[href='/petitions']").await;
        j.photograph("petitions").await;
        j.click("header a[href='/#communes']").await;
        j.click("a[href='/communes/sefrou']").await;
        j.click("a[href='/communes/sefrou/petitions/new']").await;
        j.photograph("petition-form").await;
        let title = j.says(
            "إصلاح الإنارة العمومية في حي القلعة",
            "Réparer l’éclairage public du quartier Qalaa",
        );
        j.fill("#title", title).await;
        j.fill(
            "#request",
            j.says(
                "إدراج إصلاح الإنارة العمومية في حي القلعة في جدول أعمال المجلس.",
                "Inscrire à l’ordre du jour la réparation de l’éclairage du quartier Qalaa.",
            ),
        )
        .await;
        j.fill(
            "#reasons",
            j.says(
                "الحي مظلم منذ شهور والأطفال يعودون من المدرسة في الظلام.",
                "Le quartier est dans le noir depuis des mois ; les enfants rentrent de l’école dans l’obscurité.",
            ),
        )
        .await;
        j.click("form[action$='/petitions/new'] button[type=submit]")
            .await;
        j.assert_says(title).await;
        j.photograph("draft").await;
        // Published: signatures are collected.
        j.click("#agent form button[type=submit]").await;
        j.photograph("collecting").await;
        let petition = j.d.current_url().await;
        j.log_out().await;

        // A resident finds it from the header and signs.
        j.log_in(&resident, "a long enough password").await;
        j.click("header a[href='/petitions']").await;
        let link = format!("a[href='{}']", petition.trim_start_matches(&app.address));
        j.click(&link).await;
        j.photograph("sign-form").await;
        j.fill("#full_name", j.says("رشيد الإدريسي", "Rachid El Idrissi"))
            .await;
        j.fill("#cin", &format!("CD{}", 100_000 + n)).await;
        j.fill("#address", "Derb Lalla Fatima 14").await;
        for declaration in [
            "lives_or_works_in_commune",
            "on_electoral_roll",
            "direct_interest",
            "consent",
        ] {
            j.d.click(&format!("input[name='{declaration}']")).await;
        }
        j.click("form[action$='/sign'] button[type=submit]").await;
        j.assert_says(j.says("لقد وقعت", "Vous avez signé")).await;
        j.photograph("signed").await;
        j.log_out().await;

        // The agent sees it counted.
        j.log_in(&agent, "a long enough password").await;
        j.click("header a[href='/petitions']").await;
        j.click(&link).await;
        j.assert_says(j.says("توقيع واحد", "1 signature")).await;
        j.photograph("counted").await;
    }
}
/// A member of an association files the association's petition: from the commune's page, the
/// association chosen and its declarations ticked, published straight to filing (no signatures
/// to collect), and its dossier ready to download.
#[tokio::test]
async fn an_association_member_prepares_the_associations_petition() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = tawasol_tests::admin(&app, &catcher).await;
    let res = app
        .post(
            "/api/v1/admin/organisations",
            Some(&admin),
            &json!({"name": "Jil Sahara", "founded_on": "2010-03-01", "head_office_commune": "tan-tan", "purpose": "Environnement et démocratie locale"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let organisation: Value = res.json().await.unwrap();
    for (n, device) in DEVICES.iter().enumerate() {
        let email = format!("member{n}@tawasol.test");
        verified_user(&app, &catcher, &email, device.lang).await;
        let res = app
            .post(
                &format!("/api/v1/admin/organisations/{}/members", organisation["id"]),
                Some(&admin),
                &json!({"email": email, "representative": true}),
            )
            .await;
        assert_eq!(res.status(), 201);
        let mut j = Journey::start(&app, "association", *device).await;
        j.log_in(&email, "a long enough password").await;
        j.click("header a[href='/#communes']").await;
        j.click("a[href='/communes/tan-tan']").await;
        j.click("a[href='/communes/tan-tan/petitions/new']").await;
        j.photograph("petition-form").await;
        j.d.click("input[name='filer_type'][value='association']")
            .await;
        for declaration in [
            "in_good_standing",
            "office_in_commune",
            "activity_linked_to_subject",
        ] {
            j.d.click(&format!("input[name='{declaration}']")).await;
        }
        let title = j.says("تهيئة حديقة الحي", "Aménager le jardin du quartier");
        j.fill("#title", title).await;
        j.fill(
            "#request",
            j.says(
                "إدراج تهيئة حديقة حي النهضة في جدول أعمال المجلس.",
                "Inscrire à l’ordre du jour l’aménagement du jardin du quartier Nahda.",
            ),
        )
        .await;
        j.fill(
            "#reasons",
            j.says(
                "لا توجد مساحة خضراء في الحي والأطفال يلعبون في الشارع.",
                "Le quartier n’a aucun espace vert ; les enfants jouent dans la rue.",
            ),
        )
        .await;
        j.click("form[action$='/petitions/new'] button[type=submit]")
            .await;
        j.assert_says(title).await;
        j.assert_says("Jil Sahara").await;
        j.photograph("draft").await;
        j.click("#agent form button[type=submit]").await;
        let html = j.source().await;
        assert!(
            !html.contains(j.says("لا توقيع من أصل", "Aucune signature sur")),
            "an association's petition counts no signatures against a threshold"
        );
        j.photograph("ready").await;
        j.click("a[href$='/dossier']").await;
        j.assert_says(title).await;
    }
}

/// A resident reports abuse beside a reply; the moderator finds it in the queue from the header,
/// reads the reason, hides it with a reason of their own; its author is mailed once.
#[tokio::test]
async fn a_moderator_hides_a_reply_a_resident_reported() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = tawasol_tests::admin(&app, &catcher).await;
    for (n, device) in DEVICES.iter().enumerate() {
        let moderator = format!("moderator{n}@tawasol.test");
        let resident = format!("flagger{n}@tawasol.test");
        let author = format!("rude{n}@tawasol.test");
        verified_user(&app, &catcher, &moderator, device.lang).await;
        verified_user(&app, &catcher, &resident, device.lang).await;
        let res = app
            .post(
                "/api/v1/admin/moderators",
                Some(&admin),
                &json!({"email": moderator, "commune": "tangier"}),
            )
            .await;
        assert!(res.status().is_success());
        let rude = tawasol_tests::access(&verified_user(&app, &catcher, &author, "fr").await);
        let title = format!("Lampadaire éteint rue des Oliviers {n}");
        let res = app
            .post(
                "/api/v1/issues",
                Some(&rude),
                &json!({"commune": "tangier", "category": "public_lighting", "title": title, "description": "Éteint depuis trois nuits, la rue est dans le noir."}),
            )
            .await;
        assert_eq!(res.status(), 201);
        let issue: Value = res.json().await.unwrap();
        let res = app
            .post(
                &format!("/api/v1/issues/{}/replies", issue["id"]),
                Some(&rude),
                &json!({"body": "Toujours la même histoire dans ce quartier de fainéants."}),
            )
            .await;
        assert_eq!(res.status(), 201);
        let reply: Value = res.json().await.unwrap();

        // The resident reports the reply by the link beside it.
        let mut j = Journey::start(&app, "moderation", *device).await;
        j.log_in(&resident, "a long enough password").await;
        j.click("header a[href='/#communes']").await;
        j.click("a[href='/communes/tangier']").await;
        j.click(&format!("a[href='/issues/{}']", issue["id"])).await;
        j.photograph("issue").await;
        j.click(&format!("a[href='/replies/{}/flag']", reply["id"]))
            .await;
        j.photograph("flag-form").await;
        let reason = j.says(
            "هذا الرد يسب سكان الحي.",
            "Cette réponse insulte les habitants du quartier.",
        );
        j.fill("#reason", reason).await;
        j.click("main form button[type=submit]").await;
        j.photograph("flagged").await;
        j.log_out().await;

        // The moderator: the queue from the header, the reason, hidden with a reason.
        let mails_before = mails_to(&catcher, &author);
        j.log_in(&moderator, "a long enough password").await;
        j.click("header a[href='/moderation']").await;
        j.assert_says(reason).await;
        j.photograph("queue").await;
        let item = format!("#replies-{}", reply["id"]);
        j.fill(
            &format!("{item} input[name='reason']"),
            j.says("سب وشتم.", "Propos injurieux envers les habitants."),
        )
        .await;
        j.click(&format!("{item} button[value='hide']")).await;
        j.photograph("hidden").await;
        // The author is told once.
        let mails = tawasol_tests::mail_to(&catcher, &author, mails_before + 1).await;
        tokio::time::sleep(Duration::from_millis(1500)).await;
        assert_eq!(
            mails_to(&catcher, &author),
            mails_before + 1,
            "one mail to the author: {:?}",
            mails.iter().map(|m| m.subject()).collect::<Vec<_>>()
        );
    }
}

fn mails_to(catcher: &tawasol_tests::smtp::SmtpCatcher, to: &str) -> usize {
    catcher
        .mails()
        .iter()
        .filter(|m| m.to.iter().any(|t| t == to))
        .count()
}
