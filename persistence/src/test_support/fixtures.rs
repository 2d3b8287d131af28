//! What the repository tests start from, written through the repositories themselves: one fixed
//! time, people, seeded places, issues, replies, petitions and signatures, each with plausible
//! defaults that a test changes where it is about them.

use super::TestDatabase;
use crate::account::{self, UserInsertForm};
use crate::issue::{self, IssueInsertForm, ReplyInsertForm};
use crate::petition::{self, PetitionInsertForm, SignatureInsertForm};
use crate::role::{self, Resolved};
use crate::{AnyConnection, Database, PoolSettings};
use chrono::{NaiveDateTime, TimeDelta};
use tawasol_domain::Locale;
use tawasol_domain::issue::Visibility;
use tawasol_domain::petition::FilerType;
use tawasol_domain::search::index_terms;

/// The tests' "now": 2026-11-22 10:00 UTC.
pub fn t0() -> NaiveDateTime {
    chrono::DateTime::parse_from_rfc3339("2026-11-22T10:00:00Z")
        .expect("a valid instant")
        .naive_utc()
}

/// `minutes` after [`t0`].
pub fn at(minutes: i64) -> NaiveDateTime {
    t0() + TimeDelta::minutes(minutes)
}

/// A pool on the test database.
pub fn open(db: &TestDatabase) -> Database {
    Database::connect(db.url(), PoolSettings::default()).expect("connect to the test database")
}

/// A verified account named "R" that reads Arabic.
pub fn user(conn: &mut AnyConnection, email: &str) -> i64 {
    person(conn, email, "R", Locale::Ar)
}

/// A verified account with this public name and language.
pub fn person(conn: &mut AnyConnection, email: &str, display_name: &str, locale: Locale) -> i64 {
    account::create_user(
        conn,
        &UserInsertForm {
            email: Some(email),
            password_hash: None,
            display_name,
            locale,
            home_commune_id: None,
            email_verified_at: Some(t0()),
            is_admin: false,
            created_at: t0(),
            updated_at: t0(),
        },
    )
    .expect("create a user")
    .expect("a new address")
}

/// The ids of a seeded commune and of one of its categories.
pub fn place(conn: &mut AnyConnection, commune: &str, category: &str) -> (i64, i64) {
    let Resolved::Ok {
        commune_id,
        category_ids,
        ..
    } = role::resolve(conn, commune, None, &[category.to_owned()]).expect("resolve a place")
    else {
        panic!("seeded commune {commune} and category {category}");
    };
    (commune_id, category_ids[0])
}

/// An issue to report. [`NewIssue::new`] gives a public French issue reported at [`t0`], with a
/// description; a test changes the fields it is about (`NewIssue { at, ..NewIssue::new(…) }`).
#[derive(Debug, Clone)]
pub struct NewIssue<'a> {
    pub commune: &'a str,
    pub category: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub language: Locale,
    pub visibility: Visibility,
    pub at: NaiveDateTime,
}

impl<'a> NewIssue<'a> {
    pub fn new(commune: &'a str, category: &'a str, title: &'a str) -> NewIssue<'a> {
        NewIssue {
            commune,
            category,
            title,
            description: "Une description assez longue pour passer.",
            language: Locale::Fr,
            visibility: Visibility::Public,
            at: t0(),
        }
    }

    /// Reports it as `author` (who follows it from the start), with its search words.
    pub fn create(&self, conn: &mut AnyConnection, author: i64) -> i64 {
        let (commune_id, category_id) = place(conn, self.commune, self.category);
        let search = index_terms(&format!("{} {}", self.title, self.description));
        issue::create(
            conn,
            &IssueInsertForm {
                commune_id,
                category_id,
                arrondissement_id: None,
                author_id: author,
                title: self.title,
                description: self.description,
                language: self.language,
                lat: None,
                lon: None,
                address: None,
                visibility: self.visibility,
                search_text: &search,
                created_at: self.at,
                updated_at: self.at,
            },
        )
        .expect("report an issue")
    }
}

/// A resident's reply.
pub fn reply(
    conn: &mut AnyConnection,
    issue_id: i64,
    author: i64,
    body: &str,
    visibility: Visibility,
    at: NaiveDateTime,
) -> i64 {
    add_reply(conn, issue_id, author, None, body, visibility, at)
}

/// An official answer, signed "Chef de service".
pub fn answer(
    conn: &mut AnyConnection,
    issue_id: i64,
    official: i64,
    body: &str,
    visibility: Visibility,
    at: NaiveDateTime,
) -> i64 {
    add_reply(
        conn,
        issue_id,
        official,
        Some("Chef de service"),
        body,
        visibility,
        at,
    )
}

fn add_reply(
    conn: &mut AnyConnection,
    issue_id: i64,
    author_id: i64,
    official_title: Option<&str>,
    body: &str,
    visibility: Visibility,
    at: NaiveDateTime,
) -> i64 {
    issue::add_reply(
        conn,
        &ReplyInsertForm {
            issue_id,
            author_id,
            body,
            is_official: official_title.is_some(),
            official_title,
            visibility,
            created_at: at,
        },
    )
    .expect("add a reply")
}

/// A citizens' petition drafted at [`t0`] by `agent` in `commune` (no timeline line).
pub fn petition(conn: &mut AnyConnection, agent: i64, commune: &str, title: &str) -> i64 {
    let Resolved::Ok { commune_id, .. } =
        role::resolve(conn, commune, None, &[]).expect("resolve a commune")
    else {
        panic!("seeded commune {commune}");
    };
    petition::create(
        conn,
        &PetitionInsertForm {
            commune_id,
            agent_id: agent,
            filer_type: FilerType::Citizens,
            organisation_id: None,
            title,
            request: "Inscrire à l'ordre du jour l'aménagement d'un jardin public.",
            reasons: "Aucun espace vert à moins de deux kilomètres.",
            association_declaration: None,
            created_at: t0(),
            updated_at: t0(),
        },
    )
    .expect("draft a petition")
}

/// A signature given at [`t0`] with every declaration made, the name not shown, and stand-ins
/// for the encrypted CIN and address.
pub fn signature(petition_id: i64, user_id: i64, cin_hash: &str) -> SignatureInsertForm<'_> {
    SignatureInsertForm {
        petition_id,
        user_id,
        full_name: "Nom Prénom",
        cin_encrypted: "ciphertext",
        cin_hash,
        address_encrypted: "ciphertext",
        lives_or_works_in_commune: true,
        on_electoral_roll: true,
        direct_interest: true,
        show_name: false,
        consented_at: t0(),
        created_at: t0(),
    }
}
