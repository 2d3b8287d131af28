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
    /// axe-core's source, run on every page photographed.
    axe: String,
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
        let axe_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(super::browser::AXE);
        let axe = std::fs::read_to_string(&axe_path).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (`npm ci --prefix .ci` installs axe-core)",
                axe_path.display()
            )
        });
        let j = Journey {
            d,
            axe,
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
            // Every page of a journey passes WCAG 2.1 A and AA, in each language.
            let violations = self.d.accessibility_violations(&self.axe).await;
            assert!(
                violations.is_empty(),
                "{} ({}), {what} in {lang}: {violations:#?}",
                self.role,
                self.device.name
            );
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
/// The address in the newest mail to `to` that leads to `path` (what a mail reader opens),
/// once the server's worker has sent it.
pub(crate) async fn link_in_mail(
    catcher: &tawasol_tests::smtp::SmtpCatcher,
    to: &str,
    path: &str,
) -> String {
    for _ in 0..200 {
        let mails = catcher.mails();
        let link = mails
            .iter()
            .rev()
            .filter(|m| m.to.iter().any(|t| t == to))
            .find_map(|m| {
                let text = m.body("text/plain");
                let at = text.find(path)?;
                let start = text[..at].rfind("http")?;
                Some(
                    text[start..]
                        .chars()
                        .take_while(|c| !c.is_whitespace() && *c != '>' && *c != ')')
                        .collect::<String>(),
                )
            });
        if let Some(link) = link {
            return link;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no mail to {to} with a link to {path}");
}

/// A mail's link at the test's server: the mail names the instance's public address
/// (`TAWASOL_PUBLIC_URL`), the test's server listens on a loopback port of its own.
pub(crate) fn at_test_server(app: &TestApp, link: &str) -> String {
    let url = url::Url::parse(link).expect("a web address");
    let path = match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_owned(),
    };
    app.url(&path)
}

/// A resident signs up, confirms from the mail, reports a problem and reads the thanks, supports
/// and follows another resident's report, changes the password, and gets back in after
/// forgetting it.
#[tokio::test]
async fn a_resident_signs_up_reports_supports_and_gets_back_in() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    // Someone else's report, to support.
    let neighbour =
        tawasol_tests::access(&verified_user(&app, &catcher, "neighbour@tawasol.test", "fr").await);
    let res = app
        .post(
            "/api/v1/issues",
            Some(&neighbour),
            &json!({"commune": "tangier", "category": "waste_cleanliness", "title": "Dépôt d’ordures sauvage", "description": "Des ordures s’entassent au coin de la rue depuis dix jours."}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let neighbours: Value = res.json().await.unwrap();
    for (n, device) in DEVICES.iter().enumerate() {
        let email = format!("resident{n}@tawasol.test");
        let mut j = Journey::start(&app, "resident", *device).await;
        j.photograph("home").await;

        // Sign up from the header.
        j.click("header a[href='/signup']").await;
        j.photograph("signup").await;
        j.fill("#display_name", j.says("أمينة", "Amina")).await;
        j.fill("#email", &email).await;
        j.fill("#password", "a long enough password").await;
        j.click("main form button[type=submit]").await;
        j.photograph("check-your-mail").await;

        // The confirmation mail's link, opened in the browser: the page is in the mail's
        // language, confirming logs in.
        let link = link_in_mail(&catcher, &email, "/verify-email").await;
        j.d.go(&at_test_server(&app, &link)).await;
        j.photograph("confirm").await;
        j.click("main form button[type=submit]").await;
        j.assert_says("action=\"/logout\"").await;
        j.photograph("confirmed").await;

        // Report from the header's "report a problem".
        j.click("header a[href='/#communes']").await;
        j.click("a[href='/communes/tangier/report']").await;
        j.photograph("report-form").await;
        let title = j.says("حفرة كبيرة أمام المدرسة", "Nid-de-poule devant l’école");
        j.fill("#title", title).await;
        j.fill(
            "#description",
            j.says(
                "حفرة عميقة أمام باب المدرسة تملأ بالماء عند المطر.",
                "Un trou profond devant la porte de l’école se remplit d’eau quand il pleut.",
            ),
        )
        .await;
        j.click("form[action$='/report'] button[type=submit]").await;
        // Similar reports may be offered first: post anyway.
        if j.source().await.contains("name=\"post_anyway\"") {
            j.click("form[action$='/report'] button[type=submit]").await;
        }
        j.assert_says(title).await;
        j.assert_says(j.says("شكرا!", "Merci !")).await;
        j.photograph("thanks").await;

        // Another resident's report, from the commune's page: me too, and follow it.
        j.click("header a[href='/#communes']").await;
        j.click("a[href='/communes/tangier']").await;
        let theirs = format!("a[href='/issues/{}']", neighbours["id"]);
        j.click(&theirs).await;
        j.click("form[action$='/support'] button").await;
        j.assert_says(j.says("سحب مساندتي", "Retirer mon soutien"))
            .await;
        j.click("form[action$='/follow'] button").await;
        j.assert_says(j.says("إلغاء المتابعة", "Ne plus suivre"))
            .await;
        j.photograph("supported").await;

        // A new password, from my account.
        j.click("header a[href='/me']").await;
        j.photograph("account").await;
        j.fill("#password-current_password", "a long enough password")
            .await;
        j.fill("#password-new_password", "a second long password")
            .await;
        j.click("form[action='/me/password'] button[type=submit]")
            .await;
        j.photograph("password-changed").await;

        // Forgotten password: from the log-in page, a mail, a new password.
        j.log_out().await;
        j.click("header a[href^='/login']").await;
        j.click("a[href='/forgot']").await;
        j.photograph("forgot").await;
        j.fill("#email", &email).await;
        j.click("main form button[type=submit]").await;
        j.photograph("forgot-sent").await;
        let link = link_in_mail(&catcher, &email, "/reset-password").await;
        j.d.go(&at_test_server(&app, &link)).await;
        j.photograph("reset").await;
        j.fill("input[type=password]", "another long password")
            .await;
        j.click("main form button[type=submit]").await;
        j.photograph("reset-done").await;
        j.log_in(&email, "another long password").await;
        j.photograph("back-in").await;
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

/// An official opens the desk from the header, narrows it to a category, opens a report (no
/// "me too" for them), answers it and plans the work for a date in one form; the resident gets
/// one mail, and the page says when the work is planned.
#[tokio::test]
async fn an_official_answers_from_the_desk_and_plans_the_work() {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = tawasol_tests::admin(&app, &catcher).await;
    let resident =
        tawasol_tests::access(&verified_user(&app, &catcher, "reporter@tawasol.test", "fr").await);
    for (n, device) in DEVICES.iter().enumerate() {
        let official = format!("official{n}@tawasol.test");
        verified_user(&app, &catcher, &official, device.lang).await;
        let res = app
            .post(
                "/api/v1/admin/officials",
                Some(&admin),
                &json!({"email": official, "commune": "tangier", "title": "Chef du service de l'éclairage"}),
            )
            .await;
        assert_eq!(res.status(), 201);
        let mut ids = Vec::new();
        for (category, title) in [
            (
                "public_lighting",
                format!("Lampadaire éteint avenue Pasteur {n}"),
            ),
            (
                "waste_cleanliness",
                format!("Ordures non ramassées rue de Fès {n}"),
            ),
        ] {
            let res = app
                .post(
                    "/api/v1/issues",
                    Some(&resident),
                    &json!({"commune": "tangier", "category": category, "title": title, "description": "Depuis une semaine, personne n'est venu malgré les appels."}),
                )
                .await;
            assert_eq!(res.status(), 201);
            ids.push(res.json::<Value>().await.unwrap()["id"].as_i64().unwrap());
        }
        let mut j = Journey::start(&app, "official", *device).await;
        j.log_in(&official, "a long enough password").await;
        j.click("header a[href='/desk']").await;
        j.photograph("desk").await;
        // Only the lighting reports.
        j.d.click("#desk-category option[value='public_lighting']")
            .await;
        j.click("form[action='/desk'] button").await;
        let html = j.source().await;
        assert!(html.contains(&format!("/issues/{}#answer", ids[0])));
        assert!(!html.contains(&format!("/issues/{}#answer", ids[1])));
        j.photograph("desk-lighting").await;
        j.click(&format!("a[href='/issues/{}#answer']", ids[0]))
            .await;
        assert!(
            !j.source().await.contains("/support\""),
            "no 'me too' for the official who answers it"
        );
        j.photograph("issue").await;
        let mails_before = mails_to(&catcher, "reporter@tawasol.test");
        j.fill(
            "#answer-body",
            j.says(
                "ستمر فرقة الإنارة يوم 15 دجنبر.",
                "L’équipe de l’éclairage passera le 15 décembre.",
            ),
        )
        .await;
        j.d.click("#answer-status option[value='planned']").await;
        // The date as the browser's date field takes it (month, day, year).
        j.fill("#answer-expected_on", "12152026").await;
        j.click("form#answer button[type=submit]").await;
        j.assert_says(j.says(
            "مبرمج ليوم 15 دجنبر 2026",
            "Programmé pour le 15 décembre 2026",
        ))
        .await;
        j.photograph("answered").await;
        // One mail to the resident for the answer and its status together.
        tawasol_tests::mail_to(&catcher, "reporter@tawasol.test", mails_before + 1).await;
        tokio::time::sleep(Duration::from_millis(1500)).await;
        assert_eq!(
            mails_to(&catcher, "reporter@tawasol.test"),
            mails_before + 1
        );
    }
}
