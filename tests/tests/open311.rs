//! Open311 GeoReport v2, as a city CRM or a civic app speaks it: every method in JSON and XML,
//! API keys issued by an admin, Open311's own errors.

use reqwest::Method;
use serde_json::{Value, json};
use tawasol_tests::smtp::SmtpCatcher;
use tawasol_tests::{TestApp, access, admin, login, spawn_with_mail, verified_user};

const JSON: &str = "application/json; charset=utf-8";
const XML: &str = "text/xml; charset=utf-8";

struct World {
    app: TestApp,
    catcher: SmtpCatcher,
    admin: String,
    /// The key's owner, logged in (the CRM's account).
    owner: String,
    key: String,
    key_id: i64,
}

async fn world() -> World {
    let (app, catcher) = spawn_with_mail(&[("TAWASOL_RATE_LIMITS", "off")]).await;
    let admin = admin(&app, &catcher).await;
    let owner = access(&verified_user(&app, &catcher, "crm@tawasol.test", "fr").await);
    let res = app
        .post(
            "/api/v1/admin/api-keys",
            Some(&admin),
            &json!({"owner_email": "crm@tawasol.test", "name": "CRM de Tanger"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let issued: Value = res.json().await.unwrap();
    World {
        key: issued["api_key"].as_str().unwrap().to_owned(),
        key_id: issued["id"].as_i64().unwrap(),
        app,
        catcher,
        admin,
        owner,
    }
}

/// Status, content type and body of a GET.
async fn get(app: &TestApp, path: &str) -> (u16, String, String) {
    read(app.get(path).await).await
}

async fn read(res: reqwest::Response) -> (u16, String, String) {
    let status = res.status().as_u16();
    let content_type = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, content_type, res.text().await.unwrap())
}

async fn get_json(app: &TestApp, path: &str) -> (u16, Value) {
    let (status, content_type, body) = get(app, path).await;
    assert_eq!(content_type, JSON, "{path}: {body}");
    (status, serde_json::from_str(&body).unwrap())
}

/// Checks the XML envelope (declaration, content type, no namespace) and hands the text back.
fn xml_text(path: &str, content_type: &str, body: &str) -> String {
    assert_eq!(content_type, XML, "{path}: {body}");
    assert!(
        body.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"),
        "{path}: {body}"
    );
    assert!(!body.contains("xmlns"), "no namespace: {body}");
    body.to_owned()
}

async fn get_xml(app: &TestApp, path: &str) -> (u16, String) {
    let (status, content_type, body) = get(app, path).await;
    (status, xml_text(path, &content_type, &body))
}

fn children<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    node.children()
        .filter(|c| c.is_element() && c.tag_name().name() == name)
        .collect()
}

/// The text of a child element that must be there (empty string for an empty element).
fn field(node: roxmltree::Node<'_, '_>, name: &str) -> String {
    let found = children(node, name);
    assert_eq!(
        found.len(),
        1,
        "one <{name}> in <{}>",
        node.tag_name().name()
    );
    found[0].text().unwrap_or("").to_owned()
}

const REQUEST_FIELDS: [&str; 17] = [
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
];

fn assert_request_shape(r: &Value) {
    let fields: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
    let mut want = REQUEST_FIELDS.to_vec();
    want.sort_unstable();
    let mut got = fields.clone();
    got.sort_unstable();
    assert_eq!(got, want, "{r}");
    assert!(r["service_request_id"].is_string(), "ids are strings: {r}");
    assert!(r["service_code"].is_string());
    assert!(["open", "closed"].contains(&r["status"].as_str().unwrap()));
    for t in ["requested_datetime", "updated_datetime"] {
        assert_w3c(r[t].as_str().unwrap());
    }
}

/// A W3C datetime with a numeric offset.
fn assert_w3c(t: &str) {
    assert!(
        chrono::DateTime::parse_from_rfc3339(t).is_ok()
            && (t.ends_with(":00") && !t.ends_with('Z')),
        "W3C datetime with an offset: {t}"
    );
    let offset = &t[t.len() - 6..];
    assert!(
        offset.starts_with('+') || offset.starts_with('-'),
        "numeric offset: {t}"
    );
}

async fn post_form(app: &TestApp, path: &str, form: &[(&str, &str)]) -> (u16, String, String) {
    let res = app
        .client
        .post(app.url(path))
        .form(form)
        .send()
        .await
        .expect("request sent");
    read(res).await
}

/// An Open311 error answer in JSON: `[{"code", "description"}]`.
fn assert_json_error(status: u16, content_type: &str, body: &str, code: u16) -> String {
    assert_eq!(status, code, "{body}");
    assert_eq!(content_type, JSON, "not problem+json: {body}");
    let v: Value = serde_json::from_str(body).unwrap();
    let errors = v.as_array().expect("a bare array");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["code"], code);
    let description = errors[0]["description"].as_str().unwrap();
    assert!(!description.is_empty());
    description.to_owned()
}

fn assert_xml_error(status: u16, content_type: &str, body: &str, code: u16) -> String {
    assert_eq!(status, code, "{body}");
    let text = xml_text("error", content_type, body);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "errors");
    let errors = children(root, "error");
    assert_eq!(errors.len(), 1);
    assert_eq!(field(errors[0], "code"), code.to_string());
    field(errors[0], "description")
}

fn lamp(key: &str) -> Vec<(&str, &str)> {
    vec![
        ("api_key", key),
        ("jurisdiction_id", "tangier"),
        ("service_code", "public_lighting"),
        ("lat", "35.7601"),
        ("long", "-5.8150"),
        ("address_string", "Rue Ibn Battouta"),
        (
            "description",
            "Lampadaire éteint\nDepuis trois nuits au coin de la rue, les enfants passent dans le noir.",
        ),
        ("email", "karim.secret@example.com"),
        ("first_name", "Karim"),
        ("last_name", "Bennaniyoussfi"),
        ("phone", "0612345678"),
        ("device_id", "device-42"),
    ]
}

#[tokio::test]
async fn discovery_services_and_definitions_have_open311s_shapes_in_both_formats() {
    let w = world().await;
    let app = &w.app;
    let (status, d) = get_json(app, "/open311/v2/discovery.json").await;
    assert_eq!(status, 200);
    assert_w3c(d["changeset"].as_str().unwrap());
    assert!(d["contact"].is_string() && d["key_service"].is_string());
    let endpoint = &d["endpoints"][0];
    assert_eq!(
        endpoint["specification"],
        "http://wiki.open311.org/GeoReport_v2"
    );
    assert!(endpoint["url"].as_str().unwrap().ends_with("/open311/v2"));
    assert_eq!(endpoint["type"], "test");
    assert_eq!(endpoint["formats"], json!(["text/xml", "application/json"]));
    let (status, text) = get_xml(app, "/open311/v2/discovery.xml").await;
    assert_eq!(status, 200);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "discovery");
    let endpoint = children(children(root, "endpoints")[0], "endpoint")[0];
    assert_eq!(field(endpoint, "type"), "test");
    let formats: Vec<String> = children(children(endpoint, "formats")[0], "format")
        .iter()
        .map(|f| f.text().unwrap().to_owned())
        .collect();
    assert_eq!(formats, ["text/xml", "application/json"]);

    // Services: the commune's eleven categories, in Arabic unless the reader asks otherwise.
    let (status, services) =
        get_json(app, "/open311/v2/services.json?jurisdiction_id=tangier").await;
    assert_eq!(status, 200);
    let services = services.as_array().expect("a bare array");
    assert_eq!(services.len(), 11);
    let lighting = services
        .iter()
        .find(|s| s["service_code"] == "public_lighting")
        .unwrap();
    assert_eq!(lighting["service_name"], "الإنارة العمومية");
    assert_eq!(lighting["metadata"], false);
    assert_eq!(lighting["type"], "realtime");
    assert_eq!(lighting["description"], "مصلحة الإنارة العمومية");
    assert!(
        lighting["keywords"]
            .as_str()
            .unwrap()
            .contains("Éclairage public")
    );
    assert!(lighting["group"].is_string());
    let (_, fr) = get_json(
        app,
        "/open311/v2/services.json?jurisdiction_id=tangier&lang=fr",
    )
    .await;
    assert_eq!(fr[1]["service_name"], "Éclairage public");
    let res = app
        .get_in(
            "/open311/v2/services.json?jurisdiction_id=sefrou",
            "fr-MA,fr;q=0.9",
        )
        .await;
    let fr: Value = res.json().await.unwrap();
    assert_eq!(fr[0]["service_name"], "Voirie et trottoirs");
    let (status, text) = get_xml(
        app,
        "/open311/v2/services.xml?jurisdiction_id=tangier&lang=fr",
    )
    .await;
    assert_eq!(status, 200);
    let doc = roxmltree::Document::parse(&text).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "services");
    let items = children(doc.root_element(), "service");
    assert_eq!(items.len(), 11);
    assert_eq!(field(items[1], "service_code"), "public_lighting");
    assert_eq!(field(items[1], "service_name"), "Éclairage public");
    assert_eq!(field(items[1], "metadata"), "false");
    assert_eq!(field(items[1], "type"), "realtime");
    for f in ["description", "keywords", "group"] {
        field(items[1], f);
    }

    // Several communes: the service codes are ambiguous without a jurisdiction.
    let (s, ct, body) = get(app, "/open311/v2/services.json").await;
    let why = assert_json_error(s, &ct, &body, 400);
    assert!(why.contains("jurisdiction_id"), "{why}");
    let (s, ct, body) = get(app, "/open311/v2/services.xml?jurisdiction_id=casablanca").await;
    assert_xml_error(s, &ct, &body, 404);
    let (s, ct, body) = get(app, "/open311/v2/services.json?jurisdiction_id=").await;
    assert_json_error(s, &ct, &body, 400);

    // Definitions: no category has attributes.
    let (status, def) = get_json(
        app,
        "/open311/v2/services/public_lighting.json?jurisdiction_id=tangier",
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        def,
        json!({"service_code": "public_lighting", "attributes": []})
    );
    let (status, text) = get_xml(
        app,
        "/open311/v2/services/public_lighting.xml?jurisdiction_id=tangier",
    )
    .await;
    assert_eq!(status, 200);
    let doc = roxmltree::Document::parse(&text).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "service_definition");
    assert_eq!(field(doc.root_element(), "service_code"), "public_lighting");
    assert_eq!(children(doc.root_element(), "attributes").len(), 1);
    let (s, ct, body) = get(
        app,
        "/open311/v2/services/potholes.json?jurisdiction_id=tangier",
    )
    .await;
    assert_json_error(s, &ct, &body, 404);
    let (s, ct, body) = get(
        app,
        "/open311/v2/services/potholes.xml?jurisdiction_id=tangier",
    )
    .await;
    assert_xml_error(s, &ct, &body, 404);
}

#[tokio::test]
async fn a_request_posted_through_open311_is_a_real_issue_of_the_keys_owner() {
    let w = world().await;
    let app = &w.app;
    let (status, ct, body) = post_form(app, "/open311/v2/requests.json", &lamp(&w.key)).await;
    assert_eq!((status, ct.as_str()), (200, JSON), "{body}");
    let answer: Value = serde_json::from_str(&body).unwrap();
    let answer = &answer.as_array().expect("a bare array")[0];
    let id = answer["service_request_id"]
        .as_str()
        .expect("a string id")
        .to_owned();
    let token = answer["token"].as_str().unwrap().to_owned();
    assert_eq!(answer["account_id"], Value::Null);
    assert!(answer["service_notice"].as_str().unwrap().len() > 10);

    // The REST API shows the same issue, with a title taken from the description.
    let res = app.get(&format!("/api/v1/issues/{id}")).await;
    assert_eq!(res.status(), 200);
    let text = res.text().await.unwrap();
    for private in [
        "karim.secret",
        "Karim",
        "Bennaniyoussfi",
        "0612345678",
        "device-42",
        "crm@",
    ] {
        assert!(!text.contains(private), "{private} in {text}");
    }
    let issue: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(issue["title"], "Lampadaire éteint");
    assert_eq!(issue["commune"], "tangier");
    assert_eq!(issue["category"], "public_lighting");
    assert_eq!(issue["address"], "Rue Ibn Battouta");
    assert_eq!(issue["location"]["lat"], 35.7601);
    assert_eq!(issue["visibility"], "public");
    // Its author is the key's owner.
    let mine: Value = app
        .send(
            Method::GET,
            "/api/v1/issues?author=me",
            Some(&w.owner),
            None,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["items"][0]["id"].to_string(), id);

    // Open311 reads it back, in both formats, with no personal data either.
    let (status, found) = get_json(app, &format!("/open311/v2/requests/{id}.json")).await;
    assert_eq!(status, 200);
    let found = found.as_array().expect("a one-element array");
    assert_eq!(found.len(), 1);
    assert_request_shape(&found[0]);
    assert_eq!(found[0]["service_request_id"], id.as_str());
    assert_eq!(found[0]["status"], "open");
    assert_eq!(found[0]["lat"], 35.7601);
    assert_eq!(found[0]["long"], -5.815);
    assert_eq!(found[0]["status_notes"], Value::Null);
    assert_eq!(found[0]["expected_datetime"], Value::Null);
    let (status, text) = get_xml(app, &format!("/open311/v2/requests/{id}.xml?lang=fr")).await;
    assert_eq!(status, 200);
    assert!(!text.contains("Karim") && !text.contains("@"), "{text}");
    let doc = roxmltree::Document::parse(&text).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "service_requests");
    let requests = children(doc.root_element(), "request");
    assert_eq!(requests.len(), 1);
    for f in REQUEST_FIELDS {
        field(requests[0], f);
    }
    assert_eq!(field(requests[0], "service_request_id"), id);
    assert_eq!(field(requests[0], "service_name"), "Éclairage public");
    assert_eq!(
        field(requests[0], "agency_responsible"),
        "Service de l'éclairage public"
    );
    assert_eq!(field(requests[0], "status_notes"), "");
    assert_eq!(field(requests[0], "address"), "Rue Ibn Battouta");

    // The token tells the id, in both formats.
    let (status, t) = get_json(app, &format!("/open311/v2/tokens/{token}.json")).await;
    assert_eq!(status, 200);
    assert_eq!(t, json!([{"service_request_id": id, "token": token}]));
    let (_, text) = get_xml(app, &format!("/open311/v2/tokens/{token}.xml")).await;
    let doc = roxmltree::Document::parse(&text).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "service_requests");
    assert_eq!(
        field(
            children(doc.root_element(), "request")[0],
            "service_request_id"
        ),
        id
    );

    // XML, with the key in the query string and an address only.
    let path = format!("/open311/v2/requests.xml?api_key={}", w.key);
    let (status, ct, body) = post_form(
        app,
        &path,
        &[
            ("jurisdiction_id", "sefrou"),
            ("service_code", "roads_sidewalks"),
            ("address_string", "Avenue Moulay Ismaïl"),
            (
                "description",
                "Un nid de poule profond devant l'école primaire.",
            ),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let text = xml_text(&path, &ct, &body);
    let doc = roxmltree::Document::parse(&text).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "service_requests");
    let request = children(doc.root_element(), "request")[0];
    let second = field(request, "service_request_id");
    assert!(second.parse::<i64>().is_ok());
    assert!(!field(request, "token").is_empty());
    assert_eq!(field(request, "account_id"), "");
    let issue: Value = app
        .get(&format!("/api/v1/issues/{second}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(issue["commune"], "sefrou");
    assert_eq!(issue["location"], Value::Null);

    // A description with a phone number is held: a token, no public id until a moderator looks.
    let mut held = lamp(&w.key);
    held.retain(|(k, _)| *k != "description");
    held.push((
        "description",
        "Appelez-moi au 06 12 34 56 78 pour voir le lampadaire.",
    ));
    let (status, _, body) = post_form(app, "/open311/v2/requests.json", &held).await;
    assert_eq!(status, 200, "{body}");
    let answer: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(answer[0]["service_request_id"], Value::Null);
    let held_token = answer[0]["token"].as_str().unwrap();
    let (status, t) = get_json(app, &format!("/open311/v2/tokens/{held_token}.json")).await;
    assert_eq!(status, 200);
    assert_eq!(
        t,
        json!([{"service_request_id": null, "token": held_token}])
    );
    let (_, listed) = get_json(app, "/open311/v2/requests.json").await;
    assert_eq!(
        listed.as_array().unwrap().len(),
        2,
        "the held one is not listed"
    );
}

#[tokio::test]
async fn an_issue_reported_through_rest_shows_its_official_answer_plan_and_updates() {
    let w = world().await;
    let app = &w.app;
    let resident = access(&verified_user(app, &w.catcher, "amina@tawasol.test", "ar").await);
    verified_user(app, &w.catcher, "official@tawasol.test", "fr").await;
    let res = app
        .post(
            "/api/v1/admin/officials",
            Some(&w.admin),
            &json!({"email": "official@tawasol.test", "commune": "tangier", "title": "Chef du service de l'éclairage"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let official = access(&login(app, "official@tawasol.test").await);
    let created: Value = app
        .post(
            "/api/v1/issues",
            Some(&resident),
            &json!({"commune": "tangier", "category": "public_lighting", "title": "مصباح الشارع معطل", "description": "الإنارة منعدمة في الشارع منذ أسبوع.", "location": {"lat": 35.7601, "lon": -5.8150}}),
        )
        .await
        .json()
        .await
        .unwrap();
    let id = created["id"].as_i64().unwrap();
    let path = format!("/open311/v2/requests/{id}.json");
    let (_, found) = get_json(app, &path).await;
    assert_eq!(
        found[0]["description"],
        "الإنارة منعدمة في الشارع منذ أسبوع."
    );
    assert_eq!(found[0]["agency_responsible"], "مصلحة الإنارة العمومية");

    let res = app
        .post(
            &format!("/api/v1/issues/{id}/replies"),
            Some(&official),
            &json!({"body": "سيتم استبدال المصباح هذا الأسبوع."}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let planned_on = (chrono::Utc::now() + chrono::TimeDelta::days(10)).date_naive();
    let res = app
        .post(
            &format!("/api/v1/issues/{id}/status"),
            Some(&official),
            &json!({"status": "planned", "note": "Remplacement programmé.", "expected_on": planned_on.to_string()}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let (_, found) = get_json(app, &path).await;
    assert_request_shape(&found[0]);
    assert_eq!(found[0]["status"], "open");
    assert_eq!(found[0]["status_notes"], "سيتم استبدال المصباح هذا الأسبوع.");
    let expected = found[0]["expected_datetime"].as_str().unwrap();
    assert_w3c(expected);
    assert!(
        expected.starts_with(&format!("{planned_on}T00:00:00")),
        "{expected}"
    );

    let res = app
        .post(
            &format!("/api/v1/issues/{id}/status"),
            Some(&official),
            &json!({"status": "resolved", "note": "Le lampadaire fonctionne."}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let (_, found) = get_json(app, &path).await;
    assert_eq!(found[0]["status"], "closed");
    let (_, closed) = get_json(app, "/open311/v2/requests.json?status=closed").await;
    assert_eq!(closed.as_array().unwrap().len(), 1);
    let (_, open) = get_json(app, "/open311/v2/requests.json?status=open").await;
    assert_eq!(open.as_array().unwrap().len(), 0);
    let (_, both) = get_json(app, "/open311/v2/requests.json?status=open,closed").await;
    assert_eq!(both.as_array().unwrap().len(), 1);

    // A CRM syncs the status changes.
    let updates_path = format!(
        "/open311/v2/servicerequestupdates.json?api_key={}&jurisdiction_id=tangier",
        w.key
    );
    let (status, updates) = get_json(app, &updates_path).await;
    assert_eq!(status, 200);
    let updates = updates.as_array().expect("a bare array");
    assert_eq!(updates.len(), 2);
    let statuses: Vec<&str> = updates
        .iter()
        .map(|u| u["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["ACTION_SCHEDULED", "FIXED"]);
    for u in updates {
        assert_eq!(u["service_request_id"], id.to_string());
        assert!(u["update_id"].is_string());
        assert_w3c(u["updated_datetime"].as_str().unwrap());
        assert_eq!(u["media_url"], Value::Null);
    }
    assert_eq!(updates[1]["description"], "Le lampadaire fonctionne.");
    let (status, text) = get_xml(app, &updates_path.replace(".json", ".xml")).await;
    assert_eq!(status, 200);
    let doc = roxmltree::Document::parse(&text).unwrap();
    assert_eq!(
        doc.root_element().tag_name().name(),
        "service_requests_updates"
    );
    let items = children(doc.root_element(), "request_update");
    assert_eq!(items.len(), 2);
    for f in [
        "update_id",
        "service_request_id",
        "status",
        "description",
        "updated_datetime",
        "media_url",
    ] {
        field(items[0], f);
    }
    assert_eq!(field(items[0], "status"), "ACTION_SCHEDULED");
    let (_, none) = get_json(
        app,
        &format!(
            "/open311/v2/servicerequestupdates.json?api_key={}&jurisdiction_id=sefrou",
            w.key
        ),
    )
    .await;
    assert_eq!(none, json!([]));
    let (s, ct, body) = get(app, "/open311/v2/servicerequestupdates.json").await;
    assert_json_error(s, &ct, &body, 403);
    let (s, ct, body) = get(
        app,
        "/open311/v2/servicerequestupdates.xml?api_key=tw311_wrong",
    )
    .await;
    assert_xml_error(s, &ct, &body, 403);

    // Revoked: the key no longer works anywhere.
    let res = app
        .send(
            Method::DELETE,
            &format!("/api/v1/admin/api-keys/{}", w.key_id),
            Some(&w.admin),
            None,
        )
        .await;
    assert_eq!(res.status(), 204);
    let (s, ct, body) = get(app, &updates_path).await;
    let why = assert_json_error(s, &ct, &body, 403);
    assert!(why.contains("revoked"), "{why}");
    let (s, ct, body) = post_form(app, "/open311/v2/requests.xml", &lamp(&w.key)).await;
    assert_xml_error(s, &ct, &body, 403);
}

#[tokio::test]
async fn searches_filter_by_id_code_status_and_window_and_stop_at_1000() {
    let w = world().await;
    let app = &w.app;
    let mut ids = Vec::new();
    for (commune, code, lat, long) in [
        ("tangier", "public_lighting", "35.76", "-5.81"),
        ("tangier", "roads_sidewalks", "35.77", "-5.82"),
        ("sefrou", "green_spaces", "33.83", "-4.84"),
    ] {
        let (status, _, body) = post_form(
            app,
            "/open311/v2/requests.json",
            &[
                ("api_key", &w.key),
                ("jurisdiction_id", commune),
                ("service_code", code),
                ("lat", lat),
                ("long", long),
                (
                    "description",
                    "Un problème à régler rapidement dans le quartier.",
                ),
            ],
        )
        .await;
        assert_eq!(status, 200, "{body}");
        let v: Value = serde_json::from_str(&body).unwrap();
        ids.push(v[0]["service_request_id"].as_str().unwrap().to_owned());
    }
    let listed = |v: &Value| -> Vec<String> {
        let mut found: Vec<String> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["service_request_id"].as_str().unwrap().to_owned())
            .collect();
        found.sort();
        found
    };
    let sorted = |v: &[&String]| -> Vec<String> {
        let mut s: Vec<String> = v.iter().map(|s| (*s).clone()).collect();
        s.sort();
        s
    };
    let (_, all) = get_json(app, "/open311/v2/requests.json").await;
    assert_eq!(listed(&all), sorted(&[&ids[0], &ids[1], &ids[2]]));
    assert!(
        all[0]["requested_datetime"].as_str() >= all[2]["requested_datetime"].as_str(),
        "newest first"
    );
    let (_, tangier) = get_json(app, "/open311/v2/requests.json?jurisdiction_id=tangier").await;
    assert_eq!(listed(&tangier), sorted(&[&ids[0], &ids[1]]));
    let (_, roads) = get_json(
        app,
        "/open311/v2/requests.json?service_code=roads_sidewalks",
    )
    .await;
    assert_eq!(listed(&roads), [ids[1].clone()]);
    let (_, two) = get_json(
        app,
        "/open311/v2/requests.json?service_code=roads_sidewalks,green_spaces",
    )
    .await;
    assert_eq!(listed(&two), sorted(&[&ids[1], &ids[2]]));
    // A list of ids overrides every other filter.
    let (_, by_id) = get_json(
        app,
        &format!(
            "/open311/v2/requests.json?service_request_id={},{}&service_code=roads_sidewalks&status=closed",
            ids[0], ids[2]
        ),
    )
    .await;
    assert_eq!(listed(&by_id), sorted(&[&ids[0], &ids[2]]));
    let (_, text) = get_xml(
        app,
        &format!("/open311/v2/requests.xml?service_request_id={}", ids[2]),
    )
    .await;
    let doc = roxmltree::Document::parse(&text).unwrap();
    assert_eq!(children(doc.root_element(), "request").len(), 1);

    // The window on requested_datetime.
    let (_, past) = get_json(
        app,
        "/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-02-01T00:00:00%2B01:00",
    )
    .await;
    assert_eq!(past, json!([]));
    let today = chrono::Utc::now().date_naive();
    let (_, current) = get_json(
        app,
        &format!("/open311/v2/requests.json?start_date={today}&end_date={today}"),
    )
    .await;
    assert_eq!(current.as_array().unwrap().len(), 3);
    for bad in [
        "start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",
        "start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z",
        "start_date=yesterday",
        "status=pending",
        "service_request_id=1,abc",
    ] {
        let (s, ct, body) = get(app, &format!("/open311/v2/requests.json?{bad}")).await;
        assert_json_error(s, &ct, &body, 400);
        let (s, ct, body) = get(app, &format!("/open311/v2/requests.xml?{bad}")).await;
        assert_xml_error(s, &ct, &body, 400);
    }
    let (s, ct, body) = get(app, "/open311/v2/requests.json?jurisdiction_id=rabat").await;
    assert_json_error(s, &ct, &body, 404);

    // At most 1000 answers.
    app.sql(
        "INSERT INTO issues (commune_id, category_id, author_id, title, description, language, \
         visibility, search_text, created_at, updated_at) \
         SELECT c.id, k.id, u.id, 'Lampadaire ' || s.n, 'Lampadaire éteint numéro ' || s.n, 'fr', \
         'public', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP \
         FROM (WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 1005) \
               SELECT n FROM seq) s \
         CROSS JOIN communes c JOIN categories k ON k.commune_id = c.id AND k.code = 'other' \
         CROSS JOIN users u WHERE c.slug = 'tan-tan' AND u.email = 'crm@tawasol.test'",
    );
    let (status, many) = get_json(app, "/open311/v2/requests.json?jurisdiction_id=tan-tan").await;
    assert_eq!(status, 200);
    assert_eq!(many.as_array().unwrap().len(), 1000);
}

#[tokio::test]
async fn errors_are_open311s_own_in_the_format_asked_never_problems_or_500s() {
    let w = world().await;
    let app = &w.app;
    let with = |changes: &[(&'static str, &'static str)]| {
        let mut form: Vec<(&str, String)> = lamp(&w.key)
            .into_iter()
            .map(|(k, v)| (k, v.to_owned()))
            .collect();
        for (k, v) in changes {
            form.retain(|(name, _)| name != k);
            if !v.is_empty() {
                form.push((k, (*v).to_owned()));
            }
        }
        form
    };
    let long = "Trop long. ".repeat(400);
    type Form<'a> = Vec<(&'a str, String)>;
    let cases: Vec<(Form, u16, &str)> = vec![
        (with(&[("api_key", "")]), 403, "api_key"),
        (with(&[("api_key", "tw311_not-a-key")]), 403, "api_key"),
        (with(&[("service_code", "")]), 400, "service_code"),
        (with(&[("service_code", "potholes")]), 404, "service_code"),
        (
            with(&[("jurisdiction_id", "rabat")]),
            404,
            "jurisdiction_id",
        ),
        (with(&[("jurisdiction_id", "")]), 400, "jurisdiction_id"),
        (
            with(&[("lat", "33.8294"), ("long", "-4.8395")]),
            400,
            "outside",
        ),
        (with(&[("lat", "north")]), 400, "lat"),
        (with(&[("long", "")]), 400, "lat and long"),
        (
            with(&[("lat", ""), ("long", ""), ("address_string", "")]),
            400,
            "location",
        ),
        (
            with(&[
                ("lat", ""),
                ("long", ""),
                ("address_string", ""),
                ("address_id", "A-12"),
            ]),
            400,
            "address_id",
        ),
        (with(&[("description", "")]), 400, "description"),
        (with(&[("description", "court")]), 400, "description"),
        (
            with(&[("description", "Voir <b>ici</b> le lampadaire cassé")]),
            400,
            "HTML",
        ),
        (
            with(&[("media_url", "javascript:alert(1)")]),
            400,
            "media_url",
        ),
        (with(&[("lang", "en")]), 400, "lang"),
    ];
    for (form, code, mentions) in cases {
        for format in ["json", "xml"] {
            let res = app
                .client
                .post(app.url(&format!("/open311/v2/requests.{format}")))
                .form(&form)
                .send()
                .await
                .unwrap();
            let (s, ct, body) = read(res).await;
            let why = if format == "json" {
                assert_json_error(s, &ct, &body, code)
            } else {
                assert_xml_error(s, &ct, &body, code)
            };
            assert!(
                why.contains(mentions),
                "{mentions:?} not in {why:?} for {form:?}"
            );
        }
    }
    let mut too_long = with(&[]);
    too_long.retain(|(k, _)| *k != "description");
    too_long.push(("description", long));
    let res = app
        .client
        .post(app.url("/open311/v2/requests.json"))
        .form(&too_long)
        .send()
        .await
        .unwrap();
    let (s, ct, body) = read(res).await;
    assert!(assert_json_error(s, &ct, &body, 400).contains("4000"));
    // A JSON body is not a form.
    let res = app
        .client
        .post(app.url("/open311/v2/requests.json"))
        .json(&json!({"api_key": w.key}))
        .send()
        .await
        .unwrap();
    let (s, ct, body) = read(res).await;
    assert_json_error(s, &ct, &body, 400);

    for (path, code) in [
        ("/open311/v2/requests/abc.json", 404),
        ("/open311/v2/requests/999999.json", 404),
        ("/open311/v2/tokens/nope.json", 404),
        ("/open311/v2/nothing.json", 404),
        ("/open311/v2/services.csv?jurisdiction_id=tangier", 400),
        ("/open311/v2/requests.json?lang=en", 400),
    ] {
        let (s, ct, body) = get(app, path).await;
        assert_json_error(s, &ct, &body, code);
        let xml_path = path.replace(".json", ".xml");
        if xml_path != path {
            let (s, ct, body) = get(app, &xml_path).await;
            assert_xml_error(s, &ct, &body, code);
        }
    }
    let res = app
        .send(Method::DELETE, "/open311/v2/requests.xml", None, None)
        .await;
    let allow = res
        .headers()
        .get("allow")
        .map(|v| v.to_str().unwrap().to_owned());
    let (s, ct, body) = read(res).await;
    assert!(assert_xml_error(s, &ct, &body, 405).contains("method"));
    assert_eq!(allow.as_deref(), Some("GET, HEAD, POST"));
}

#[tokio::test]
async fn admins_issue_list_and_revoke_keys_for_verified_owners_and_it_is_audited() {
    let w = world().await;
    let app = &w.app;
    let res = app
        .post(
            "/api/v1/admin/api-keys",
            Some(&w.admin),
            &json!({"owner_email": "crm@tawasol.test", "name": "Application mobile"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    let issued: Value = res.json().await.unwrap();
    assert_eq!(location, format!("/api/v1/admin/api-keys/{}", issued["id"]));
    let key = issued["api_key"].as_str().unwrap();
    assert!(key.starts_with("tw311_") && key.len() > 40, "{key}");
    assert_eq!(issued["name"], "Application mobile");
    assert_eq!(issued["revoked_at"], Value::Null);

    let res = app
        .send(Method::GET, "/api/v1/admin/api-keys", Some(&w.admin), None)
        .await;
    assert_eq!(res.status(), 200);
    let text = res.text().await.unwrap();
    assert!(
        !text.contains(key) && !text.contains(&w.key),
        "never the keys: {text}"
    );
    let list: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
    assert_eq!(list["items"][0]["name"], "Application mobile");
    assert_eq!(list["items"][0]["owner_email"], "crm@tawasol.test");

    // Owners must be verified and not banned; an organisation must have them as members.
    app.post(
        "/api/v1/auth/register",
        None,
        &json!({"email": "new@tawasol.test", "password": "a long enough password", "display_name": "N", "locale": "fr"}),
    )
    .await;
    for (body, pointer) in [
        (
            json!({"owner_email": "new@tawasol.test", "name": "App"}),
            "/owner_email",
        ),
        (
            json!({"owner_email": "nobody@tawasol.test", "name": "App"}),
            "/owner_email",
        ),
        (
            json!({"owner_email": "crm@tawasol.test", "name": " "}),
            "/name",
        ),
        (
            json!({"owner_email": "crm@tawasol.test", "name": "App", "organisation_id": 999}),
            "/organisation_id",
        ),
    ] {
        let res = app
            .send(
                Method::POST,
                "/api/v1/admin/api-keys?lang=fr",
                Some(&w.admin),
                Some(&body),
            )
            .await;
        assert_eq!(res.status(), 422);
        let p: Value = res.json().await.unwrap();
        assert_eq!(p["errors"][0]["pointer"], pointer, "{p}");
    }
    let org: Value = app
        .post(
            "/api/v1/admin/organisations",
            Some(&w.admin),
            &json!({"name": "Jil Sahara", "founded_on": "2012-05-01", "head_office_commune": "tan-tan", "purpose": "Démocratie locale"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let org_id = org["id"].as_i64().unwrap();
    let body = json!({"owner_email": "crm@tawasol.test", "name": "App", "organisation_id": org_id});
    let res = app
        .send(
            Method::POST,
            "/api/v1/admin/api-keys?lang=fr",
            Some(&w.admin),
            Some(&body),
        )
        .await;
    assert_eq!(res.status(), 422);
    let p: Value = res.json().await.unwrap();
    assert_eq!(
        p["errors"][0]["detail"],
        "Le titulaire doit être membre de cette organisation."
    );
    app.post(
        &format!("/api/v1/admin/organisations/{org_id}/members"),
        Some(&w.admin),
        &json!({"email": "crm@tawasol.test"}),
    )
    .await;
    let res = app
        .post("/api/v1/admin/api-keys", Some(&w.admin), &body)
        .await;
    assert_eq!(res.status(), 201);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["organisation_name"], "Jil Sahara");

    // A banned owner's key is refused, as the owner would be.
    let crm_id: Value = app
        .send(Method::GET, "/api/v1/me", Some(&w.owner), None)
        .await
        .json()
        .await
        .unwrap();
    let crm_id = crm_id["id"].as_i64().unwrap();
    let res = app
        .post(
            &format!("/api/v1/admin/users/{crm_id}/ban"),
            Some(&w.admin),
            &json!({"reason": "spam"}),
        )
        .await;
    assert_eq!(res.status(), 204);
    let (s, ct, body) = post_form(app, "/open311/v2/requests.json", &lamp(key)).await;
    assert!(assert_json_error(s, &ct, &body, 403).contains("banned"));

    let res = app
        .send(
            Method::DELETE,
            &format!("/api/v1/admin/api-keys/{}", issued["id"]),
            Some(&w.admin),
            None,
        )
        .await;
    assert_eq!(res.status(), 204);
    let res = app
        .send(
            Method::DELETE,
            "/api/v1/admin/api-keys/999999",
            Some(&w.admin),
            None,
        )
        .await;
    assert_eq!(res.status(), 404);
    let audit: Value = app
        .send(Method::GET, "/api/v1/admin/audit", Some(&w.admin), None)
        .await
        .json()
        .await
        .unwrap();
    let actions: Vec<&str> = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"api_key.issue"), "{actions:?}");
    assert!(actions.contains(&"api_key.revoke"), "{actions:?}");
    assert!(!audit.to_string().contains(key), "no key in the audit log");
}
