//! The authorization matrix: every role against every protected route, with the status each
//! should get. Routes come from the server's own route table, so a new protected route that is
//! not in this table fails the test until its expectations are written down here.

use reqwest::Method;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use tawasol_api::http::routes::Access;
use tawasol_api::startup::route_specs;
use tawasol_tests::{TestApp, access, login, spawn_with_mail, verified_user};

const ROLES: [&str; 9] = [
    "anonymous",
    "unverified",
    "resident",
    "official_tangier",
    "official_sefrou",
    "organisation_member",
    "moderator",
    "admin",
    "banned",
];

/// The status `role` must get from `method path`; `None` when the route is not in the table.
fn expected(method: &Method, path: &str, role: &str) -> Option<u16> {
    let authenticated = role != "anonymous";
    let status = match (method.as_str(), path) {
        ("POST", "/api/v1/auth/logout") => 204,
        ("GET" | "HEAD", "/api/v1/me" | "/api/v1/me/export") => 200,
        ("GET" | "HEAD", "/api/v1/me/notifications") => 200,
        ("PUT", "/api/v1/me/notifications") if role == "banned" => 403,
        ("PUT", "/api/v1/me/notifications") => 200,
        ("PATCH", "/api/v1/me") if role == "banned" => 403,
        ("PATCH", "/api/v1/me") => 200,
        ("DELETE", "/api/v1/me") => 204,
        // Changing one's password or address: anyone signed in but a banned account (the
        // password body is refused as too short, so that no session of the matrix ends).
        ("PUT", "/api/v1/me/password") if role == "banned" => 403,
        ("PUT", "/api/v1/me/password") => 422,
        ("POST", "/api/v1/me/email") if role == "banned" => 403,
        ("POST", "/api/v1/me/email") => 202,
        // Anyone logged in may make (or rotate) and revoke their personal feed's address: it
        // only reads public items, and revoking it is theirs to do even when banned.
        ("POST", "/api/v1/me/feed-token") => 200,
        ("DELETE", "/api/v1/me/feed-token") => 204,
        // Contributing needs a verified address and no ban.
        ("POST", "/api/v1/issues" | "/api/v1/issues/{id}/replies") => match role {
            "unverified" | "banned" => 403,
            _ => 201,
        },
        ("PUT" | "DELETE", "/api/v1/issues/{id}/support" | "/api/v1/issues/{id}/follow") => {
            match role {
                "unverified" | "banned" => 403,
                // The matrix issue's author (the resident) does not support their own report,
                // nor does the official who answers it (Tangier, public lighting).
                "resident" | "official_tangier"
                    if method == Method::PUT && path.ends_with("/support") =>
                {
                    409
                }
                _ => 204,
            }
        }
        // Only the reply's author (the resident), within 15 minutes.
        ("PATCH", "/api/v1/issues/{id}/replies/{reply_id}") => match role {
            "resident" => 200,
            _ => 403,
        },
        ("POST", "/api/v1/issues/{id}/flag" | "/api/v1/replies/{id}/flag") => match role {
            "unverified" | "banned" => 403,
            _ => 204,
        },
        // The moderator of Tangier, and admins (who may moderate everywhere).
        ("GET" | "HEAD", "/api/v1/moderation/queue") => match role {
            "moderator" | "admin" => 200,
            _ => 403,
        },
        ("POST", "/api/v1/moderation/issues/{id}" | "/api/v1/moderation/replies/{id}") => {
            match role {
                "moderator" | "admin" => 204,
                _ => 403,
            }
        }
        // Petitions: contributing needs a verified address and no ban.
        ("POST", "/api/v1/petitions" | "/api/v1/petitions/{id}/signatures") => match role {
            "unverified" | "banned" => 403,
            _ => 201,
        },
        ("DELETE", "/api/v1/petitions/{id}/signatures")
        | ("PUT" | "DELETE", "/api/v1/petitions/{id}/follow") => match role {
            "unverified" | "banned" => 403,
            _ => 204,
        },
        // Only the agent corrects their draft; nobody else even sees it.
        ("PATCH", "/api/v1/petitions/{id}") => match role {
            "resident" => 200,
            "unverified" | "banned" => 403,
            _ => 404,
        },
        // Only the agent (the resident) publishes their draft (in Tan-Tan, where no official is).
        ("POST", "/api/v1/petitions/{id}/transitions") => match role {
            "resident" => 200,
            _ => 403,
        },
        // Nobody while the petition collects signatures, not even its agent (the resident) or an
        // official of Sefrou (one narrowed to roads never): the agent reads it from `ready`, the
        // officials of the whole commune from `filed` (tests/tests/petitions.rs walks the steps).
        ("GET" | "HEAD", "/api/v1/petitions/{id}/dossier") => 403,
        // Only the official whose scope covers the issue (Tangier, public lighting) acknowledges it.
        ("POST", "/api/v1/issues/{id}/status") => match role {
            "official_tangier" => 200,
            _ => 403,
        },
        // The same official answers (and may change the status in the same step).
        ("POST", "/api/v1/issues/{id}/answer") => match role {
            "official_tangier" => 201,
            _ => 403,
        },
        (_, p) if p.starts_with("/api/v1/admin/") => {
            if role != "admin" {
                403
            } else {
                match (method.as_str(), p) {
                    (
                        "POST",
                        "/api/v1/admin/officials"
                        | "/api/v1/admin/moderators"
                        | "/api/v1/admin/organisations",
                    ) => 201,
                    ("POST", "/api/v1/admin/organisations/{id}/members") => 201,
                    ("POST", "/api/v1/admin/api-keys") => 201,
                    ("GET" | "HEAD", "/api/v1/admin/api-keys") => 200,
                    ("DELETE", _) => 204,
                    (
                        "POST",
                        "/api/v1/admin/users/{user_id}/ban" | "/api/v1/admin/outbox/{id}/requeue",
                    ) => 204,
                    ("GET" | "HEAD", "/api/v1/admin/outbox" | "/api/v1/admin/audit") => 200,
                    ("PATCH", "/api/v1/admin/communes/{slug}") => 200,
                    _ => return None,
                }
            }
        }
        _ => return None,
    };
    Some(if authenticated { status } else { 401 })
}

struct World {
    app: TestApp,
    /// Two sessions per role: one for every request, one to log out with.
    tokens: BTreeMap<&'static str, (Option<String>, Option<String>)>,
    victim_email: String,
    victim_id: i64,
    organisation_id: i64,
    dead_mail_id: i64,
    /// An Open311 key of the victim's, for the admin to revoke.
    api_key_id: i64,
    issue_id: i64,
    reply_id: i64,
    /// Collecting signatures in Sefrou; its agent is the resident.
    petition_id: i64,
    /// The resident's draft in Tan-Tan, for the one step the matrix takes.
    draft_petition_id: i64,
}

async fn world() -> World {
    // Flags never reach the threshold here, so every route keeps finding its item.
    let (app, catcher) = spawn_with_mail(&[
        ("TAWASOL_RATE_LIMITS", "off"),
        ("TAWASOL_FLAG_THRESHOLD", "100"),
    ])
    .await;
    let mut tokens = BTreeMap::new();
    tokens.insert("anonymous", (None, None));
    for role in ROLES
        .iter()
        .filter(|r| **r != "anonymous" && **r != "unverified")
    {
        verified_user(&app, &catcher, &format!("{role}@tawasol.test"), "fr").await;
    }
    app.post(
        "/api/v1/auth/register",
        None,
        &json!({"email": "unverified@tawasol.test", "password": "a long enough password", "display_name": "U", "locale": "fr"}),
    )
    .await;
    app.sql("UPDATE users SET is_admin = true WHERE email = 'admin@tawasol.test'");
    let admin = access(&login(&app, "admin@tawasol.test").await);
    let post = |path: &'static str, body: Value| {
        let (app, admin) = (&app, admin.clone());
        async move {
            let res = app.post(path, Some(&admin), &body).await;
            assert!(res.status().is_success(), "{path}: {}", res.status());
            res.json::<Value>().await.unwrap()
        }
    };
    post("/api/v1/admin/officials", json!({"email": "official_tangier@tawasol.test", "commune": "tangier", "title": "Vice-président"})).await;
    post(
        "/api/v1/admin/officials",
        json!({"email": "official_sefrou@tawasol.test", "commune": "sefrou", "categories": ["roads_sidewalks"], "title": "Chef du service de la voirie"}),
    )
    .await;
    post(
        "/api/v1/admin/moderators",
        json!({"email": "moderator@tawasol.test", "commune": "tangier"}),
    )
    .await;
    let org = post(
        "/api/v1/admin/organisations",
        json!({"name": "Jil Sahara", "founded_on": "2012-05-01", "head_office_commune": "tan-tan", "purpose": "Démocratie locale"}),
    )
    .await;
    let organisation_id = org["id"].as_i64().unwrap();
    app.post(
        &format!("/api/v1/admin/organisations/{organisation_id}/members"),
        Some(&admin),
        &json!({"email": "organisation_member@tawasol.test", "representative": true}),
    )
    .await;
    let banned_id = {
        let t = access(&login(&app, "banned@tawasol.test").await);
        app.send(Method::GET, "/api/v1/me", Some(&t), None)
            .await
            .json::<Value>()
            .await
            .unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    app.post(
        &format!("/api/v1/admin/users/{banned_id}/ban"),
        Some(&admin),
        &json!({"reason": "spam"}),
    )
    .await;
    for role in ROLES.iter().filter(|r| **r != "anonymous") {
        let email = format!("{role}@tawasol.test");
        let a = access(&login(&app, &email).await);
        let b = access(&login(&app, &email).await);
        tokens.insert(*role, (Some(a), Some(b)));
    }
    let victim = verified_user(&app, &catcher, "victim@tawasol.test", "ar").await;
    let victim_id = app
        .send(Method::GET, "/api/v1/me", Some(&access(&victim)), None)
        .await
        .json::<Value>()
        .await
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    app.sql(
        "INSERT INTO outbox (dedupe_key, recipient, locale, template, payload, status, attempts, next_attempt_at, created_at) \
         VALUES ('matrix-dead', 'victim@tawasol.test', 'ar', 'account_verify_email', '{}', 'dead', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
    );
    let dead = app
        .send(
            Method::GET,
            "/api/v1/admin/outbox?status=dead",
            Some(&admin),
            None,
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    let dead_mail_id = dead["items"][0]["id"].as_i64().expect("the dead mail");
    let key = post(
        "/api/v1/admin/api-keys",
        json!({"owner_email": "victim@tawasol.test", "name": "Matrix app"}),
    )
    .await;
    let api_key_id = key["id"].as_i64().expect("the matrix API key");
    let resident = access(&login(&app, "resident@tawasol.test").await);
    let issue = app
        .post(
            "/api/v1/issues",
            Some(&resident),
            &json!({"commune": "tangier", "category": "public_lighting", "title": "Lampadaire éteint", "description": "Éteint depuis trois nuits, rue Ibn Battouta."}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    let issue_id = issue["id"].as_i64().expect("the matrix issue");
    let reply = app
        .post(
            &format!("/api/v1/issues/{issue_id}/replies"),
            Some(&resident),
            &json!({"body": "Toujours éteint ce soir."}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    let petition = |commune: &'static str| {
        let (app, resident) = (&app, resident.clone());
        async move {
            let res = app
                .post(
                    "/api/v1/petitions",
                    Some(&resident),
                    &json!({"commune": commune, "title": "Des espaces verts", "request": "Aménager un jardin public au quartier.", "reasons": "Aucun espace vert à moins de deux kilomètres.", "filer_type": "citizens"}),
                )
                .await;
            assert_eq!(res.status(), 201);
            res.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
        }
    };
    let petition_id = petition("sefrou").await;
    let published = app
        .post(
            &format!("/api/v1/petitions/{petition_id}/transitions"),
            Some(&resident),
            &json!({"to": "collecting"}),
        )
        .await;
    assert_eq!(published.status(), 200);
    let draft_petition_id = petition("tan-tan").await;
    World {
        petition_id,
        draft_petition_id,
        reply_id: reply["id"].as_i64().expect("the matrix reply"),
        issue_id,
        app,
        tokens,
        victim_email: "victim@tawasol.test".into(),
        victim_id,
        organisation_id,
        dead_mail_id,
        api_key_id,
    }
}

fn concrete(w: &World, method: &Method, path: &str) -> String {
    let draft_step = path == "/api/v1/petitions/{id}/transitions"
        || (method == Method::PATCH && path == "/api/v1/petitions/{id}");
    let id = if draft_step {
        w.draft_petition_id
    } else if path.starts_with("/api/v1/petitions") {
        w.petition_id
    } else if path.starts_with("/api/v1/admin/outbox") {
        w.dead_mail_id
    } else if path.starts_with("/api/v1/admin/api-keys") {
        w.api_key_id
    } else if path.starts_with("/api/v1/replies") || path.starts_with("/api/v1/moderation/replies")
    {
        w.reply_id
    } else if path.starts_with("/api/v1/issues") || path.starts_with("/api/v1/moderation/issues") {
        w.issue_id
    } else {
        w.organisation_id
    };
    path.replace("{reply_id}", &w.reply_id.to_string())
        .replace("{user_id}", &w.victim_id.to_string())
        .replace("{id}", &id.to_string())
        .replace("{slug}", "tan-tan")
}

fn body_for(w: &World, method: &Method, path: &str, role: &str) -> Option<Value> {
    let v = &w.victim_email;
    match (method.as_str(), path) {
        ("POST", "/api/v1/petitions") => Some(
            json!({"commune": "sefrou", "title": "Des bancs publics", "request": "Installer des bancs sur l'avenue.", "reasons": "Les personnes âgées n'ont nulle part où s'asseoir.", "filer_type": "citizens"}),
        ),
        ("POST", "/api/v1/petitions/{id}/signatures") => {
            // A distinct national ID number per role.
            let n = ROLES.iter().position(|r| *r == role).unwrap_or(0);
            Some(json!({
                "full_name": format!("Signataire {role}"),
                "cin": format!("C{}", 100_000 + n),
                "address": "12 rue de la Gare, Sefrou",
                "declarations": {"lives_or_works_in_commune": true, "on_electoral_roll": true, "direct_interest": true},
                "consent": true
            }))
        }
        ("POST", "/api/v1/petitions/{id}/transitions") => Some(json!({"to": "collecting"})),
        ("PATCH", "/api/v1/petitions/{id}") => Some(json!({"title": "Des espaces verts partout"})),
        ("PATCH", "/api/v1/admin/communes/{slug}") => Some(json!({"petition_threshold": 200})),
        ("PATCH", "/api/v1/me") => Some(json!({"display_name": "Changed"})),
        ("PUT", "/api/v1/me/password") => {
            Some(json!({"current_password": "a long enough password", "new_password": "short"}))
        }
        ("POST", "/api/v1/me/email") => Some(
            json!({"email": format!("new-{role}@tawasol.test"), "current_password": "a long enough password"}),
        ),
        ("PUT", "/api/v1/me/notifications") => Some(
            json!({"issue_updates": true, "all_replies": false, "official_new_issues": "immediate"}),
        ),
        ("POST", "/api/v1/admin/officials") => {
            Some(json!({"email": v, "commune": "sefrou", "title": "Chef de service"}))
        }
        ("POST", "/api/v1/admin/moderators") => Some(json!({"email": v, "commune": "sefrou"})),
        ("POST", "/api/v1/admin/api-keys") => {
            Some(json!({"owner_email": v, "name": "Application de quartier"}))
        }
        ("POST", "/api/v1/admin/organisations") => Some(
            json!({"name": "Association Test", "founded_on": "2015-03-01", "head_office_commune": "sefrou", "purpose": "Espaces verts"}),
        ),
        ("POST", "/api/v1/admin/organisations/{id}/members") => Some(json!({"email": v})),
        ("POST", "/api/v1/admin/users/{user_id}/ban") => Some(json!({"reason": "test"})),
        ("POST", "/api/v1/issues/{id}/flag" | "/api/v1/replies/{id}/flag") => {
            Some(json!({"reason": "Hors sujet"}))
        }
        ("PATCH", "/api/v1/issues/{id}/replies/{reply_id}") => {
            Some(json!({"body": "Toujours éteint ce soir (corrigé)."}))
        }
        ("POST", "/api/v1/moderation/issues/{id}" | "/api/v1/moderation/replies/{id}") => {
            Some(json!({"action": "restore", "reason": "Conforme à la charte."}))
        }
        ("POST", "/api/v1/issues/{id}/replies") => {
            Some(json!({"body": "Moi aussi je l'ai remarqué."}))
        }
        ("POST", "/api/v1/issues/{id}/answer") => {
            Some(json!({"body": "Le service de l'éclairage passe cette semaine."}))
        }
        ("POST", "/api/v1/issues/{id}/status") => {
            Some(json!({"status": "acknowledged", "note": "Signalement pris en compte."}))
        }
        ("POST", "/api/v1/issues") => Some(
            json!({"commune": "tangier", "category": "public_lighting", "title": "Lampadaire éteint", "description": "Éteint depuis trois nuits, rue Ibn Battouta."}),
        ),
        _ => None,
    }
}

#[tokio::test]
async fn every_role_gets_the_expected_status_from_every_protected_route() {
    let w = world().await;
    let protected: Vec<_> = route_specs()
        .into_iter()
        .filter(|r| r.access == Access::Authenticated)
        .collect();
    assert!(
        protected.len() >= 20,
        "the table lists the protected routes"
    );
    // Destructive routes go last: logging out (with the second session), then erasing accounts.
    let last = |r: &tawasol_api::http::routes::RouteSpec| match (r.method.as_str(), r.path) {
        ("POST", "/api/v1/auth/logout") => 1,
        ("DELETE", "/api/v1/me") => 2,
        _ => 0,
    };
    let mut ordered = protected.clone();
    ordered.sort_by_key(|r| last(r));
    let mut failures = Vec::new();
    for route in &ordered {
        let method = Method::from_bytes(route.method.as_str().as_bytes()).unwrap();
        for role in ROLES {
            let Some(want) = expected(&method, route.path, role) else {
                panic!(
                    "{} {} is not in the authorization matrix: add its expectations",
                    route.method, route.path
                );
            };
            let (a, b) = &w.tokens[role];
            let token = if route.path == "/api/v1/auth/logout" {
                b
            } else {
                a
            };
            let body = body_for(&w, &method, route.path, role);
            let res = w
                .app
                .send(
                    method.clone(),
                    &concrete(&w, &method, route.path),
                    token.as_deref(),
                    body.as_ref(),
                )
                .await;
            let got = res.status().as_u16();
            if got != want {
                failures.push(format!(
                    "{role:>20} {} {} → {got}, expected {want}",
                    route.method, route.path
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "authorization matrix mismatches:\n{}",
        failures.join("\n")
    );
}

#[test]
fn public_routes_are_the_ones_meant_to_be_public() {
    let mut public: Vec<String> = route_specs()
        .into_iter()
        .filter(|r| r.access == Access::Public && r.method.as_str() != "HEAD")
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    public.sort();
    let mut expected = [
        "GET /",
        "GET /health/live",
        "GET /health/ready",
        "GET /problems/{kind}",
        // The web application: pages anyone may read, and forms whose use-cases ask for the
        // browser's session (a CSRF token guards every form).
        "GET /static/{file}",
        "GET /lang/{code}",
        "GET /communes/{slug}",
        "GET /communes/{slug}/report",
        "POST /communes/{slug}/report",
        "GET /issues/{id}",
        "POST /issues/{id}/replies",
        "POST /issues/{id}/support",
        "POST /issues/{id}/follow",
        "GET /issues/{id}/flag",
        "POST /issues/{id}/flag",
        "GET /replies/{id}/flag",
        "POST /replies/{id}/flag",
        "GET /petitions",
        "GET /petitions/{id}",
        "GET /petitions/{id}/dossier",
        "POST /petitions/{id}/sign",
        "POST /petitions/{id}/withdraw",
        "POST /petitions/{id}/follow",
        "POST /petitions/{id}/step",
        "GET /communes/{slug}/petitions/new",
        "POST /communes/{slug}/petitions/new",
        "POST /issues/{id}/answer",
        "GET /desk",
        "GET /moderation",
        "POST /moderation/issues/{id}",
        "POST /moderation/replies/{id}",
        "GET /login",
        "POST /login",
        "POST /logout",
        "GET /me",
        "POST /me/notifications",
        "GET /me/export",
        "POST /me/delete",
        "POST /me/name",
        "POST /me/email",
        "POST /me/password",
        "GET /watch",
        "POST /watch/feed",
        "GET /organisation",
        "GET /forgot",
        "POST /forgot",
        "GET /signup",
        "POST /signup",
        "GET /api/v1/openapi.json",
        "GET /api/docs",
        "GET /api/v1/communes",
        "GET /api/v1/communes/{slug}",
        "GET /api/v1/issues",
        "GET /api/v1/issues/{id}",
        "GET /api/v1/stats",
        "GET /api/v1/exports/issues.csv",
        "GET /api/v1/exports/issues.jsonl",
        "GET /api/v1/exports/petitions.csv",
        "GET /api/v1/exports/petitions.jsonl",
        "GET /api/v1/petitions",
        "GET /api/v1/petitions/{id}",
        "GET /feeds/communes/{slug}.atom",
        "GET /feeds/communes/{slug}/{category}.atom",
        "GET /feeds/issues/{id}.atom",
        "GET /feeds/petitions/{id}.atom",
        "GET /feeds/me/{token}.atom",
        "GET /verify-email",
        "POST /verify-email",
        "POST /verify-email/resend",
        "GET /reset-password",
        "GET /api/v1/unsubscribe",
        "POST /api/v1/unsubscribe",
        "POST /reset-password",
        "GET /confirm-email",
        "POST /confirm-email",
        "POST /api/v1/auth/register",
        "POST /api/v1/auth/verify-email",
        "POST /api/v1/auth/email-change/confirm",
        "POST /api/v1/auth/login",
        "POST /api/v1/auth/refresh",
        "POST /api/v1/auth/password-reset/request",
        "POST /api/v1/auth/password-reset/confirm",
        "GET /open311/v2/discovery.{format}",
        "GET /open311/v2/services.{format}",
        "GET /open311/v2/services/{service_code}.{format}",
        "GET /open311/v2/requests.{format}",
        "POST /open311/v2/requests.{format}",
        "GET /open311/v2/requests/{service_request_id}.{format}",
        "GET /open311/v2/tokens/{token}.{format}",
        "GET /open311/v2/servicerequestupdates.{format}",
    ];
    expected.sort_unstable();
    assert_eq!(public, expected);
}
