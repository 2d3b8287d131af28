//! `tawasol demo-data`: fills a database with realistic trilingual data for demos and
//! benchmarks. Residents, officials, a moderator and an admin per commune; issues spread over
//! the three communes and their categories, older ones further along (answered, planned,
//! resolved), with threads, status histories, supports and follows; petitions at every step of
//! Organic Law 113-14 with their timelines and encrypted signatures.
//!
//! The same seed and end date give the same data, row for row. Rows are generated on one thread
//! and inserted on another, thousands per statement, in transactions of [`BATCH_ISSUES`] issues
//! with everything that belongs to them: an interrupted load leaves whole issues only.
//!
//! `load` here drives the phases; the generator's state (`World`) is declared here too and its
//! methods are spread by concern: `world` (places, languages, names, residents and staff),
//! `issues` and `petitions`; `corpus` holds the words.

mod corpus;
mod issues;
mod petitions;
mod world;

use crate::vault::Vault;
use chrono::{Duration, NaiveDate, NaiveDateTime};
use rand_chacha::ChaCha8Rng;
use std::sync::mpsc::sync_channel;
use tawasol_persistence::demo::{
    self, DemoFollowInsertForm, DemoIssueInsertForm, DemoPetitionEventInsertForm,
    DemoPetitionFollowInsertForm, DemoPetitionInsertForm, DemoPlace, DemoReplyInsertForm,
    DemoSignatureInsertForm, DemoStatusChangeInsertForm, DemoSupportInsertForm, DemoUserInsertForm,
    NextIds,
};
use tawasol_persistence::{
    AnyConnection, Database, PersistenceError, account, role, write_transaction,
};

/// Issues per transaction (with their replies, history, supports and follows).
pub const BATCH_ISSUES: u64 = 5_000;
/// Residents per transaction.
const BATCH_USERS: u64 = 20_000;
/// The address every demo account is made from: `resident-1@demo.tawasol.ma`, …
pub const DEMO_DOMAIN: &str = "demo.tawasol.ma";
/// The default password of every demo account.
pub const DEFAULT_PASSWORD: &str = "tawasol-demo-2026";
/// Officials per commune; the categories are shared out among them.
const OFFICIALS_PER_COMMUNE: usize = 3;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoOptions {
    pub issues: u64,
    pub residents: u64,
    /// The average length of a thread (each has between none and twice this many).
    pub replies_per_issue: u32,
    pub petitions: u32,
    /// Signatures spread over the petitions that collect or collected them.
    pub signatures: u64,
    pub seed: u64,
    /// The day the data ends (nothing is dated later): issues go back three years from it.
    pub until: NaiveDate,
}

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DemoReport {
    pub users: u64,
    pub issues: u64,
    pub replies: u64,
    pub status_changes: u64,
    pub supports: u64,
    pub follows: u64,
    pub petitions: u64,
    pub signatures: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(
        "this database already holds demo data (admin@{DEMO_DOMAIN} exists): use a fresh database"
    )]
    AlreadyLoaded,
    #[error("--residents must be at least 1")]
    NoResidents,
    #[error("the database has no communes or categories")]
    NoPlaces,
    #[error(transparent)]
    Persistence(#[from] PersistenceError),
}

/// Reports how far a phase has come: `(phase, done, total)`.
pub type Progress<'a> = dyn FnMut(&'static str, u64, u64) + Send + 'a;

/// Writes the demo data. Blocking: run it on a thread of its own.
pub fn load(
    db: &Database,
    vault: &Vault,
    password_hash: &str,
    options: &DemoOptions,
    progress: &mut Progress<'_>,
) -> Result<DemoReport, DemoError> {
    if options.residents == 0 {
        return Err(DemoError::NoResidents);
    }
    let mut conn = db.conn()?;
    let conn: &mut AnyConnection = &mut conn;
    if account::find_by_email(conn, &format!("admin@{DEMO_DOMAIN}"))?.is_some() {
        return Err(DemoError::AlreadyLoaded);
    }
    demo::prepare_bulk_session(conn)?;
    let places = demo::places(conn)?;
    if places.is_empty() || places.iter().any(|p| p.categories.is_empty()) {
        return Err(DemoError::NoPlaces);
    }
    let ids = demo::next_ids(conn)?;
    let mut world = World::new(options, places, ids);
    let mut report = DemoReport::default();

    // Residents first (in large batches), then the staff, the associations and their roles.
    let mut done = 0;
    while done < options.residents {
        let n = BATCH_USERS.min(options.residents - done);
        let users: Vec<_> = (0..n).map(|_| world.resident(password_hash)).collect();
        write_transaction(conn, |c| demo::insert_users(c, &users))?;
        done += n;
        report.users += n;
        progress("residents", done, options.residents);
    }
    let staff = world.staff(password_hash);
    report.users += staff.users.len() as u64;
    write_transaction(conn, |c| -> Result<(), DemoError> {
        demo::insert_users(c, &staff.users)?;
        for o in &staff.officials {
            role::appoint_official(
                c,
                o.user_id,
                o.commune_id,
                None,
                &o.category_ids,
                &o.title,
                world.start,
            )?;
        }
        for (user_id, commune_id) in &staff.moderators {
            role::appoint_moderator(c, *user_id, Some(*commune_id), world.start)?;
        }
        for (i, place) in world.places.iter().enumerate() {
            let organisation = role::create_organisation(
                c,
                &role::OrganisationInsertForm {
                    name: &format!("Association Tawasol {} pour le quartier", place.slug),
                    founded_on: NaiveDate::from_ymd_opt(2015, 3, 1).unwrap_or_default(),
                    head_office_commune_id: place.id,
                    purpose: "Démocratie participative et cadre de vie",
                    verified_at: Some(world.start),
                    created_at: world.start,
                },
            )?;
            let representative = world.residents_of(i)[0];
            role::put_member(c, organisation, representative, true, world.start)?;
            world.organisations.push((organisation, representative));
        }
        Ok(())
    })?;

    // Issues: generated on this scope's second thread, inserted here.
    let total = options.issues;
    let (sender, receiver) = sync_channel::<IssueBatch>(2);
    std::thread::scope(|scope| -> Result<(), DemoError> {
        let generator = &mut world;
        scope.spawn(move || {
            let mut made = 0;
            while made < total {
                let n = BATCH_ISSUES.min(total - made);
                let batch = generator.issues(n);
                made += n;
                if sender.send(batch).is_err() {
                    return;
                }
            }
        });
        let mut written = 0;
        for batch in receiver {
            write_transaction(conn, |c| -> Result<(), PersistenceError> {
                demo::insert_issues(c, &batch.issues)?;
                demo::insert_replies(c, &batch.replies)?;
                demo::insert_status_changes(c, &batch.changes)?;
                demo::insert_supports(c, &batch.supports)?;
                demo::insert_follows(c, &batch.follows)
            })?;
            written += batch.issues.len() as u64;
            report.issues += batch.issues.len() as u64;
            report.replies += batch.replies.len() as u64;
            report.status_changes += batch.changes.len() as u64;
            report.supports += batch.supports.len() as u64;
            report.follows += batch.follows.len() as u64;
            progress("issues", written, total);
        }
        Ok(())
    })?;

    let petitions = world.petitions(vault);
    write_transaction(conn, |c| -> Result<(), PersistenceError> {
        demo::insert_petitions(c, &petitions.petitions)?;
        demo::insert_petition_events(c, &petitions.events)?;
        demo::insert_petition_follows(c, &petitions.follows)?;
        for (i, chunk) in petitions.signatures.chunks(10_000).enumerate() {
            demo::insert_signatures(c, chunk)?;
            progress(
                "signatures",
                (i * 10_000 + chunk.len()) as u64,
                petitions.signatures.len() as u64,
            );
        }
        Ok(())
    })?;
    report.petitions = petitions.petitions.len() as u64;
    report.signatures = petitions.signatures.len() as u64;

    progress("statistics", 0, 1);
    demo::sync_id_sequences(conn)?;
    demo::analyze(conn)?;
    progress("statistics", 1, 1);
    Ok(report)
}

/// One transaction's worth of issues and what belongs to them.
#[derive(Debug, Default)]
struct IssueBatch {
    issues: Vec<DemoIssueInsertForm>,
    replies: Vec<DemoReplyInsertForm>,
    changes: Vec<DemoStatusChangeInsertForm>,
    supports: Vec<DemoSupportInsertForm>,
    follows: Vec<DemoFollowInsertForm>,
}

#[derive(Debug)]
struct Staff {
    users: Vec<DemoUserInsertForm>,
    officials: Vec<OfficialSeat>,
    moderators: Vec<(i64, i64)>,
}

#[derive(Debug, Clone)]
struct OfficialSeat {
    user_id: i64,
    commune_id: i64,
    category_ids: Vec<i64>,
    title: String,
}

#[derive(Debug, Default)]
struct PetitionSet {
    petitions: Vec<DemoPetitionInsertForm>,
    events: Vec<DemoPetitionEventInsertForm>,
    follows: Vec<DemoPetitionFollowInsertForm>,
    signatures: Vec<DemoSignatureInsertForm>,
}

/// Everything the generator keeps between rows. One seeded generator draws every choice in a
/// fixed order, so a seed gives the same data.
#[derive(Debug)]
struct World {
    rng: ChaCha8Rng,
    options: DemoOptions,
    places: Vec<DemoPlace>,
    /// Share of residents, issues and petitions per place (sums to 1).
    weights: Vec<f64>,
    ids: NextIds,
    /// The first day of the data, and the moment it ends.
    start: NaiveDateTime,
    end: NaiveDateTime,
    /// Resident ids per place, with their display names.
    residents: Vec<Vec<i64>>,
    names: Vec<String>,
    first_resident: i64,
    /// (place, category index) → the official who answers.
    officials: Vec<Vec<(i64, String)>>,
    organisations: Vec<(i64, i64)>,
    /// The latest issues per place, for duplicates to point at.
    recent: Vec<Vec<i64>>,
    issues_made: u64,
}

const LANGS: [&str; 3] = ["ar", "fr", "zgh"];

fn lang_index(lang: &str) -> usize {
    LANGS.iter().position(|l| *l == lang).unwrap_or(0)
}

fn fill(template: &str, place: &str, n: u32, department: &str) -> String {
    template
        .replace("{place}", place)
        .replace("{n}", &n.to_string())
        .replace("{department}", department)
}

fn seconds(d: Duration) -> i32 {
    i32::try_from(d.num_seconds().max(0)).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::corpus::{self, Tri};

    fn tri_ok(t: &Tri) -> bool {
        t.iter().all(|s| !s.trim().is_empty())
    }

    #[test]
    fn every_text_exists_in_the_three_languages() {
        for commune in ["tangier", "sefrou", "tan-tan"] {
            assert!(corpus::places(commune).iter().all(tri_ok));
        }
        for code in ["roads_sidewalks", "public_lighting", "other", "unknown"] {
            assert!(corpus::titles(code).iter().all(tri_ok));
            assert!(corpus::openings(code).iter().all(tri_ok));
        }
        assert!(corpus::DETAILS.iter().all(tri_ok));
        assert!(corpus::RESIDENT_REPLIES.iter().all(tri_ok));
        assert!(corpus::OFFICIAL_ANSWERS.iter().all(tri_ok));
        assert!(corpus::PETITIONS.iter().flatten().all(tri_ok));
        // Tamazight is written in Tifinagh.
        let tifinagh = |s: &str| s.chars().any(|c| ('\u{2D30}'..='\u{2D7F}').contains(&c));
        assert!(
            corpus::titles("public_lighting")
                .iter()
                .all(|t| tifinagh(t[2]))
        );
    }
}
