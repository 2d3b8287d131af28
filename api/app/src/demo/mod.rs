//! `tawasol demo-data`: fills a database with realistic trilingual data for demos and
//! benchmarks. Residents, officials, a moderator and an admin per commune; issues spread over
//! the three communes and their categories, older ones further along (answered, planned,
//! resolved), with threads, status histories, supports and follows; petitions at every step of
//! Organic Law 113-14 with their timelines and encrypted signatures.
//!
//! The same seed and end date give the same data, row for row. Rows are generated on one thread
//! and inserted on another, thousands per statement, in transactions of [`BATCH_ISSUES`] issues
//! with everything that belongs to them: an interrupted load leaves whole issues only.

mod corpus;

use crate::vault::Vault;
use chrono::{Duration, NaiveDate, NaiveDateTime};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::json;
use std::sync::mpsc::sync_channel;
use tawasol_domain::issue::Visibility;
use tawasol_domain::petition::{Cin, SessionMonths, refusal_deadline};
use tawasol_domain::search::index_terms;
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

impl World {
    fn new(options: &DemoOptions, places: Vec<DemoPlace>, ids: NextIds) -> World {
        let end = options.until.and_hms_opt(0, 0, 0).unwrap_or_default();
        let start = end - Duration::days(3 * 365);
        let total: f64 = places.iter().map(|p| (p.population as f64).sqrt()).sum();
        let weights = places
            .iter()
            .map(|p| (p.population as f64).sqrt() / total)
            .collect();
        let n = places.len();
        World {
            rng: ChaCha8Rng::seed_from_u64(options.seed),
            options: options.clone(),
            places,
            weights,
            ids,
            start,
            end,
            residents: vec![Vec::new(); n],
            names: Vec::new(),
            first_resident: ids.user,
            officials: vec![Vec::new(); n],
            organisations: Vec::new(),
            recent: vec![Vec::new(); n],
            issues_made: 0,
        }
    }

    fn pick_place(&mut self) -> usize {
        let mut u: f64 = self.rng.r#gen();
        for (i, w) in self.weights.iter().enumerate() {
            if u < *w {
                return i;
            }
            u -= w;
        }
        self.weights.len() - 1
    }

    /// A language as the commune's residents write: more Tamazight in Sefrou, more Arabic in
    /// Tan-Tan, more French in Tangier.
    fn pick_language(&mut self, place: usize) -> &'static str {
        let (ar, fr) = match self.places[place].slug.as_str() {
            "tangier" => (0.55, 0.35),
            "sefrou" => (0.50, 0.22),
            _ => (0.72, 0.16),
        };
        let u: f64 = self.rng.r#gen();
        if u < ar {
            "ar"
        } else if u < ar + fr {
            "fr"
        } else {
            "zgh"
        }
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.rng.gen_range(0..items.len())]
    }

    fn person_name(&mut self, lang: &str) -> String {
        let (first_latin, first_arabic) = *self.pick(corpus::FIRST_NAMES);
        let (family_latin, family_arabic) = *self.pick(corpus::FAMILY_NAMES);
        if lang == "ar" {
            format!("{first_arabic} {family_arabic}")
        } else {
            format!("{first_latin} {family_latin}")
        }
    }

    fn residents_of(&self, place: usize) -> &[i64] {
        if self.residents[place].is_empty() {
            // Few residents: every commune borrows from the first one that has any.
            self.residents
                .iter()
                .find(|r| !r.is_empty())
                .map_or(&[], Vec::as_slice)
        } else {
            &self.residents[place]
        }
    }

    fn random_resident(&mut self, place: usize) -> i64 {
        let n = self.residents_of(place).len();
        let i = self.rng.gen_range(0..n);
        self.residents_of(place)[i]
    }

    fn name_of(&self, user_id: i64) -> &str {
        usize::try_from(user_id - self.first_resident)
            .ok()
            .and_then(|i| self.names.get(i))
            .map_or("", String::as_str)
    }

    fn resident(&mut self, password_hash: &str) -> DemoUserInsertForm {
        let id = self.ids.user;
        self.ids.user += 1;
        let number = id - self.first_resident + 1;
        let place = self.pick_place();
        let locale = self.pick_language(place);
        let name = self.person_name(locale);
        let joined = self.start
            + Duration::seconds(
                self.rng
                    .gen_range(0..(self.end - self.start).num_seconds().max(1)),
            );
        self.residents[place].push(id);
        self.names.push(name.clone());
        DemoUserInsertForm {
            id,
            email: Some(format!("resident-{number}@{DEMO_DOMAIN}")),
            password_hash: Some(password_hash.to_owned()),
            display_name: name,
            locale,
            home_commune_id: Some(self.places[place].id),
            email_verified_at: Some(joined),
            is_admin: false,
            created_at: joined,
            updated_at: joined,
        }
    }

    fn staff(&mut self, password_hash: &str) -> Staff {
        let mut users = Vec::new();
        let mut officials = Vec::new();
        let mut moderators = Vec::new();
        let at = self.start;
        let mut account = |ids: &mut NextIds, email: String, name: String, locale, admin| {
            let id = ids.user;
            ids.user += 1;
            users.push(DemoUserInsertForm {
                id,
                email: Some(email),
                password_hash: Some(password_hash.to_owned()),
                display_name: name,
                locale,
                home_commune_id: None,
                email_verified_at: Some(at),
                is_admin: admin,
                created_at: at,
                updated_at: at,
            });
            id
        };
        let titles = [
            "Chef du service technique",
            "Vice-président chargé de l'environnement",
            "Directeur des services communaux",
        ];
        for (i, place) in self.places.iter().enumerate() {
            let seats = OFFICIALS_PER_COMMUNE.min(place.categories.len());
            let mut seat_ids = Vec::new();
            for k in 0..seats {
                let name = format!(
                    "{} {}",
                    corpus::FIRST_NAMES[(i * 5 + k * 11) % corpus::FIRST_NAMES.len()].0,
                    corpus::FAMILY_NAMES[(i * 3 + k * 5) % corpus::FAMILY_NAMES.len()].0
                );
                let id = account(
                    &mut self.ids,
                    format!("official-{}-{}@{DEMO_DOMAIN}", place.slug, k + 1),
                    name,
                    "fr",
                    false,
                );
                seat_ids.push(id);
                officials.push(OfficialSeat {
                    user_id: id,
                    commune_id: place.id,
                    category_ids: place
                        .categories
                        .iter()
                        .enumerate()
                        .filter(|(c, _)| c % seats == k)
                        .map(|(_, (cat, ..))| *cat)
                        .collect(),
                    title: titles[k % titles.len()].to_owned(),
                });
            }
            self.officials[i] = (0..place.categories.len())
                .map(|c| {
                    (
                        seat_ids[c % seats],
                        titles[(c % seats) % titles.len()].to_owned(),
                    )
                })
                .collect();
            let moderator = account(
                &mut self.ids,
                format!("moderator-{}@{DEMO_DOMAIN}", place.slug),
                format!("Modération {}", place.slug),
                "ar",
                false,
            );
            moderators.push((moderator, place.id));
        }
        account(
            &mut self.ids,
            format!("admin@{DEMO_DOMAIN}"),
            "Administration Tawasol".to_owned(),
            "fr",
            true,
        );
        Staff {
            users,
            officials,
            moderators,
        }
    }

    fn pick_category(&mut self, place: usize) -> usize {
        let weight = |code: &str| match code {
            "roads_sidewalks" | "waste_cleanliness" => 18,
            "public_lighting" => 16,
            "sanitation_drainage" => 10,
            "traffic_transport" => 9,
            "green_spaces" => 7,
            "stray_animals_hygiene" => 6,
            "markets_street_trading" => 5,
            "public_buildings_sports" | "other" => 4,
            _ => 3,
        };
        let weights: Vec<u32> = self.places[place]
            .categories
            .iter()
            .map(|(_, code, _)| weight(code))
            .collect();
        let mut u = self.rng.gen_range(0..weights.iter().sum::<u32>());
        for (i, w) in weights.iter().enumerate() {
            if u < *w {
                return i;
            }
            u -= w;
        }
        0
    }

    /// `n` more issues, in the order they were reported.
    fn issues(&mut self, n: u64) -> IssueBatch {
        let mut batch = IssueBatch::default();
        for _ in 0..n {
            self.issue(&mut batch);
        }
        batch
    }

    fn issue(&mut self, batch: &mut IssueBatch) {
        let id = self.ids.issue;
        self.ids.issue += 1;
        let total = self.options.issues.max(1) as f64;
        // Denser towards the end: the platform grows.
        let position = ((self.issues_made as f64 + self.rng.r#gen::<f64>()) / total).sqrt();
        self.issues_made += 1;
        let span = (self.end - self.start).num_seconds() as f64;
        let created = self.start + Duration::seconds((span * position.min(1.0)) as i64 - 1);
        let place = self.pick_place();
        let category = self.pick_category(place);
        let (category_id, code, target_days) = self.places[place].categories[category].clone();
        let lang = self.pick_language(place);
        let li = lang_index(lang);
        let street = *self.pick(corpus::places(&self.places[place].slug));
        let number = self.rng.gen_range(2..9);
        let title = fill(self.pick(corpus::titles(&code))[li], street[li], number, "");
        let mut description = fill(
            self.pick(corpus::openings(&code))[li],
            street[li],
            number,
            "",
        );
        for _ in 0..self.rng.gen_range(1..3) {
            description.push(' ');
            description.push_str(&fill(self.pick(corpus::DETAILS)[li], "", number, ""));
        }
        let search_text = index_terms(&format!("{title} {description}"));
        let author = self.random_resident(place);
        let (s, w, nth, e) = self.places[place].bbox;
        let (clat, clon) = self.places[place].centre;
        let located = self.rng.gen_bool(0.85);
        let lat = located
            .then(|| (clat + (self.rng.r#gen::<f64>() - 0.5) * (nth - s) * 0.6).clamp(s, nth));
        let lon =
            located.then(|| (clon + (self.rng.r#gen::<f64>() - 0.5) * (e - w) * 0.6).clamp(w, e));
        let address = self
            .rng
            .gen_bool(0.6)
            .then(|| format!("{} {}", self.rng.gen_range(1..200), street[1]));
        let arrondissement_id = {
            let a = &self.places[place].arrondissement_ids;
            (!a.is_empty()).then(|| a[self.rng.gen_range(0..a.len())])
        };
        let visibility = match self.rng.gen_range(0..1000) {
            0..=4 => Visibility::Hidden,
            5..=7 => Visibility::Pending,
            _ => Visibility::Public,
        }
        .as_str();

        // How far it went: the older, the more likely closed.
        let age = self.end - created;
        let age_days = age.num_seconds() as f64 / 86_400.0;
        let closed_share = 0.78 * (1.0 - (-age_days / 30.0).exp());
        let u: f64 = self.rng.r#gen();
        let path: &[&'static str] = if age_days < 1.0 {
            if u < 0.2 { &["acknowledged"] } else { &[] }
        } else if u < closed_share {
            match self.rng.gen_range(0..100) {
                0..=44 => &["acknowledged", "in_progress", "resolved"],
                45..=74 => &["resolved"],
                75..=84 => &["not_responsible"],
                85..=92 => &["rejected"],
                _ => &["duplicate"],
            }
        } else {
            match self.rng.gen_range(0..100) {
                0..=39 => &[],
                40..=64 => &["acknowledged"],
                65..=89 => &["acknowledged", "in_progress"],
                _ => &["acknowledged", "planned"],
            }
        };
        let duplicate_of = (path == ["duplicate"])
            .then(|| self.recent[place].last().copied())
            .flatten();
        let path: &[&'static str] = if path == ["duplicate"] && duplicate_of.is_none() {
            &["rejected"]
        } else {
            path
        };

        // When each step happened: the first answer around the category's target, the next
        // ones days apart; all squeezed into the issue's age.
        let mut offsets = Vec::with_capacity(path.len());
        let mut t = 0.0;
        for (k, _) in path.iter().enumerate() {
            let mean_days = if k == 0 {
                f64::from(target_days) * 0.7
            } else {
                6.0
            };
            t += -mean_days * (1.0 - self.rng.r#gen::<f64>()).ln() + 0.05;
            offsets.push(t);
        }
        let room = (age_days * 0.95).max(0.0);
        if t > room && t > 0.0 {
            for o in &mut offsets {
                *o *= room / t;
            }
        }
        let at = |days: f64| created + Duration::seconds((days * 86_400.0) as i64);
        let (official, official_title) = self.officials[place][category].clone();
        let department = match lang {
            "fr" => "le service",
            "zgh" => "ⵜⴰⵏⴱⴰⴹⵜ",
            _ => "المصلحة",
        };
        let mut issue_updated = created;
        let mut first_answer = None;
        let mut replies = Vec::new();
        if let Some(first) = offsets.first() {
            let when = at(*first);
            first_answer = Some(when);
            replies.push(DemoReplyInsertForm {
                id: 0,
                issue_id: id,
                author_id: official,
                body: fill(self.pick(corpus::OFFICIAL_ANSWERS)[li], "", 0, department),
                is_official: true,
                official_title: Some(official_title),
                visibility: Visibility::Public.as_str(),
                created_at: when,
                edited_at: None,
            });
        }
        let mut from = "submitted";
        let mut expected_on = None;
        let mut responsible_body = None;
        let mut resolved_at = None;
        for (to, offset) in path.iter().copied().zip(&offsets) {
            let when = at(*offset);
            let (exp, body) = match to {
                "planned" => (
                    Some(when.date() + Duration::days(self.rng.gen_range(7..90))),
                    None,
                ),
                "not_responsible" => (
                    None,
                    Some((*self.pick(corpus::RESPONSIBLE_BODIES)).to_owned()),
                ),
                _ => (None, None),
            };
            expected_on = exp;
            responsible_body.clone_from(&body);
            if to == "resolved" {
                resolved_at = Some(when);
            }
            batch.changes.push(DemoStatusChangeInsertForm {
                id: self.ids.status_change,
                issue_id: id,
                actor_id: official,
                from_status: from,
                to_status: to,
                note: corpus::status_note(to)[li].to_owned(),
                expected_on: exp,
                responsible_body: body,
                duplicate_of: (to == "duplicate").then_some(duplicate_of).flatten(),
                created_at: when,
            });
            self.ids.status_change += 1;
            issue_updated = issue_updated.max(when);
            from = to;
        }

        // Residents' replies, between the report and the end.
        let max_replies = self.options.replies_per_issue * 2;
        let mut wanted = self.rng.gen_range(0..=max_replies) as usize;
        if first_answer.is_some() {
            wanted = wanted.saturating_sub(1);
        }
        let window = (age_days * 0.98).max(0.0);
        for _ in 0..wanted {
            let when = at(self.rng.r#gen::<f64>() * window);
            let reply_lang = if self.rng.gen_bool(0.8) {
                li
            } else {
                self.rng.gen_range(0..3)
            };
            replies.push(DemoReplyInsertForm {
                id: 0,
                issue_id: id,
                author_id: self.random_resident(place),
                body: self.pick(corpus::RESIDENT_REPLIES)[reply_lang].to_owned(),
                is_official: false,
                official_title: None,
                visibility: if self.rng.gen_range(0..100) == 0 {
                    Visibility::Hidden
                } else {
                    Visibility::Public
                }
                .as_str(),
                created_at: when,
                edited_at: None,
            });
        }
        replies.sort_by_key(|r| r.created_at);
        let mut reply_count = 0;
        for mut r in replies {
            r.id = self.ids.reply;
            self.ids.reply += 1;
            if r.visibility == Visibility::Public.as_str() {
                reply_count += 1;
                issue_updated = issue_updated.max(r.created_at);
            }
            batch.replies.push(r);
        }

        // Supports and follows by distinct residents.
        let pool = self.residents_of(place).len();
        let supporters = if self.rng.gen_bool(0.4) {
            0
        } else {
            self.rng.gen_range(1..=8).min(pool.saturating_sub(1))
        };
        let mut people = vec![author];
        let mut guard = 0;
        while people.len() < supporters + 1 && guard < 50 {
            let p = self.random_resident(place);
            if !people.contains(&p) {
                people.push(p);
            }
            guard += 1;
        }
        let support_at = |rng: &mut ChaCha8Rng| at(rng.r#gen::<f64>() * window);
        for p in &people[1..] {
            let when = support_at(&mut self.rng);
            batch.supports.push(DemoSupportInsertForm {
                issue_id: id,
                user_id: *p,
                created_at: when,
            });
        }
        batch.follows.push(DemoFollowInsertForm {
            issue_id: id,
            user_id: author,
            created_at: created,
        });
        for p in people.iter().skip(1).take(2) {
            if self.rng.gen_bool(0.5) {
                let when = support_at(&mut self.rng);
                batch.follows.push(DemoFollowInsertForm {
                    issue_id: id,
                    user_id: *p,
                    created_at: when,
                });
            }
        }
        let follower_count = batch
            .follows
            .iter()
            .rev()
            .take_while(|f| f.issue_id == id)
            .count();

        let recent = &mut self.recent[place];
        recent.push(id);
        if recent.len() > 64 {
            recent.remove(0);
        }
        batch.issues.push(DemoIssueInsertForm {
            id,
            commune_id: self.places[place].id,
            category_id,
            arrondissement_id,
            author_id: author,
            title,
            description,
            language: lang,
            lat,
            lon,
            address,
            status: from,
            visibility,
            expected_on,
            responsible_body,
            duplicate_of,
            support_count: i32::try_from(people.len() - 1).unwrap_or(0),
            reply_count,
            follower_count: i32::try_from(follower_count).unwrap_or(1),
            first_official_answer_at: first_answer,
            first_answer_by: first_answer.map(|_| official),
            first_answer_seconds: first_answer.map(|a| seconds(a - created)),
            resolved_at,
            resolution_seconds: resolved_at.map(|r| seconds(r - created)),
            search_text,
            created_at: created,
            updated_at: issue_updated,
        });
    }

    /// Petitions at every step, then the signatures: first what the citizens' petitions past
    /// collection needed to reach their threshold, the rest on those still collecting.
    fn petitions(&mut self, vault: &Vault) -> PetitionSet {
        use tawasol_domain::petition::PetitionStatus as S;
        let mut set = PetitionSet::default();
        let residents_total = self.names.len() as u64;
        let mut budget = self.options.signatures;
        let steps = S::ALL;
        let mut plans = Vec::new();
        for i in 0..self.options.petitions {
            let status = if (i as usize) < steps.len() {
                steps[i as usize]
            } else {
                match self.rng.gen_range(0..100) {
                    0..=9 => S::Draft,
                    10..=44 => S::Collecting,
                    45..=51 => S::Ready,
                    52..=61 => S::Filed,
                    62..=68 => S::Admissible,
                    69..=74 => S::Inadmissible,
                    75..=80 => S::OnAgenda,
                    81..=91 => S::Decided,
                    _ => S::Withdrawn,
                }
            };
            let place = self.pick_place();
            let threshold = u64::try_from(self.places[place].petition_threshold).unwrap_or(1);
            let past_collection = !matches!(status, S::Draft | S::Collecting | S::Withdrawn);
            let wants_association = self.rng.gen_bool(0.2);
            let citizens_can = threshold <= budget && threshold <= residents_total;
            let association = wants_association || (past_collection && !citizens_can);
            let signed = if association || !past_collection {
                0
            } else {
                budget -= threshold;
                threshold
            };
            plans.push((status, place, association, signed, threshold));
        }
        // What is left goes to the petitions still collecting, below their threshold.
        let collecting: Vec<usize> = plans
            .iter()
            .enumerate()
            .filter(|(_, p)| p.0 == S::Collecting && !p.2)
            .map(|(i, _)| i)
            .collect();
        for (k, i) in collecting.iter().enumerate() {
            let left = collecting.len() - k;
            let cap = plans[*i].4.saturating_sub(1).min(residents_total);
            let share = (budget / left as u64).min(cap);
            let n = if share == 0 {
                0
            } else {
                self.rng.gen_range(share / 2..=share)
            };
            plans[*i].3 = n;
            budget -= n;
        }

        let sessions = SessionMonths::default();
        for (status, place, association, signed, threshold) in plans {
            let id = self.ids.petition;
            self.ids.petition += 1;
            let lang = self.pick_language(place);
            let li = lang_index(lang);
            let text = *self.pick(corpus::PETITIONS);
            let (organisation, agent) = if association {
                (
                    Some(self.organisations[place % self.organisations.len()].0),
                    self.organisations[place % self.organisations.len()].1,
                )
            } else {
                (None, self.random_resident(place))
            };
            let span = (self.end - self.start).num_days().max(400);
            let created = self.start
                + Duration::days(self.rng.gen_range(span / 3..span - 200))
                + Duration::seconds(self.rng.gen_range(0..86_400));
            let mut events = vec![(None::<i64>, "", S::Draft, json!({}), created)];
            let official = self.officials[place][0].0;
            let chain: &[S] = match (status, association) {
                (S::Draft, _) => &[],
                (S::Collecting, _) => &[S::Collecting],
                (S::Withdrawn, _) => &[S::Collecting, S::Withdrawn],
                (_, false) => &[
                    S::Collecting,
                    S::Ready,
                    S::Filed,
                    S::Admissible,
                    S::OnAgenda,
                    S::Decided,
                ],
                (_, true) => &[S::Ready, S::Filed, S::Admissible, S::OnAgenda, S::Decided],
            };
            let chain: Vec<S> = match status {
                S::Inadmissible => chain
                    .iter()
                    .copied()
                    .take_while(|s| *s != S::Admissible)
                    .chain([S::Inadmissible])
                    .collect(),
                S::Withdrawn | S::Draft | S::Collecting => chain.to_vec(),
                _ => {
                    let end = chain
                        .iter()
                        .position(|s| *s == status)
                        .map_or(chain.len(), |p| p + 1);
                    chain[..end].to_vec()
                }
            };
            let mut when = created;
            let mut from = S::Draft;
            let mut filed_on = None;
            let mut next_session_on = None;
            let mut session_date = None;
            let mut committee = None;
            let mut outcome = None;
            let mut receipt = None;
            let mut published = None;
            let mut ready = None;
            for to in chain {
                when += Duration::days(self.rng.gen_range(3..40));
                let day = when.date();
                let (actor, details) = match to {
                    S::Collecting => (Some(agent), json!({})),
                    S::Ready if !association => (
                        None,
                        json!({"signatures": threshold, "threshold": threshold}),
                    ),
                    S::Ready => (Some(agent), json!({})),
                    S::Filed => {
                        let r = format!("BO-{}-{:05}", day.format("%Y"), id);
                        receipt = Some(r.clone());
                        filed_on = Some(day);
                        (
                            Some(agent),
                            json!({"receipt_number": r, "filed_on": day.to_string(),
                                   "refusal_deadline": refusal_deadline(day).to_string()}),
                        )
                    }
                    S::Admissible => {
                        let next = sessions.next_after(day);
                        next_session_on = Some(next);
                        (Some(official), json!({"next_session_on": next.to_string()}))
                    }
                    S::Inadmissible => (
                        Some(official),
                        json!({"reason": "La demande ne relève pas des compétences propres de la commune."}),
                    ),
                    S::OnAgenda => {
                        let session = next_session_on.unwrap_or(day);
                        when = when
                            .max(session.and_hms_opt(9, 0, 0).unwrap_or(when) - Duration::days(10));
                        session_date = Some(session);
                        committee = Some("Commission des services publics".to_owned());
                        (
                            Some(official),
                            json!({"session_date": session.to_string(),
                                   "committee": "Commission des services publics"}),
                        )
                    }
                    S::Decided => {
                        let adopted = self.rng.gen_bool(0.6);
                        let o = if adopted { "adopted" } else { "rejected" };
                        outcome = Some(o);
                        if let Some(s) = session_date {
                            when = when.max(s.and_hms_opt(17, 0, 0).unwrap_or(when));
                        }
                        (
                            Some(official),
                            json!({"outcome": o, "summary": "Le conseil a délibéré en séance ordinaire."}),
                        )
                    }
                    _ => (
                        Some(agent),
                        json!({"reason": "Le comité de pétition a décidé d'y renoncer."}),
                    ),
                };
                when = when.min(self.end - Duration::hours(1));
                match to {
                    S::Collecting => published = Some(when),
                    S::Ready => ready = Some(when),
                    _ => {}
                }
                events.push((actor, from.as_str(), to, details, when));
                from = to;
            }
            let mut updated = when;
            for (actor, from, to, details, at) in events {
                set.events.push(DemoPetitionEventInsertForm {
                    petition_id: id,
                    actor_id: actor,
                    from_status: from,
                    to_status: to.as_str(),
                    details: details.to_string(),
                    created_at: at,
                });
            }
            set.follows.push(DemoPetitionFollowInsertForm {
                petition_id: id,
                user_id: agent,
                created_at: created,
            });
            // Signatures by distinct residents, between publication and now.
            let n = usize::try_from(signed).unwrap_or(0);
            let total = self.names.len();
            let offset = if total > 0 {
                self.rng.gen_range(0..total)
            } else {
                0
            };
            let collecting_from = published.unwrap_or(created);
            let collecting_until = ready.unwrap_or(self.end - Duration::hours(1));
            let collecting_window = (collecting_until - collecting_from).num_seconds().max(1);
            for j in 0..n {
                let index = (offset + j) % total;
                let user = self.first_resident + index as i64;
                let cin = Cin::parse(&format!(
                    "{}{:06}",
                    [
                        "A", "AB", "BE", "BK", "C", "CD", "D", "EE", "G", "H", "J", "K", "L"
                    ][index % 13],
                    (index / 13) % 1_000_000
                ))
                .map(|c| c.as_str().to_owned())
                .unwrap_or_default();
                let street = *self.pick(corpus::places(&self.places[place].slug));
                let address = format!("N° {}, {}", self.rng.gen_range(1..300), street[1]);
                let at =
                    collecting_from + Duration::seconds(self.rng.gen_range(0..collecting_window));
                set.signatures.push(DemoSignatureInsertForm {
                    petition_id: id,
                    user_id: user,
                    full_name: self.name_of(user).to_owned(),
                    cin_encrypted: vault.encrypt(id, "cin", &cin),
                    cin_hash: vault.cin_hash(id, &cin),
                    address_encrypted: vault.encrypt(id, "address", &address),
                    lives_or_works_in_commune: true,
                    on_electoral_roll: true,
                    direct_interest: true,
                    show_name: self.rng.gen_bool(0.7),
                    consented_at: at,
                    created_at: at,
                });
                updated = updated.max(at);
            }
            set.petitions.push(DemoPetitionInsertForm {
                id,
                commune_id: self.places[place].id,
                agent_id: agent,
                filer_type: if association {
                    "association"
                } else {
                    "citizens"
                },
                organisation_id: organisation,
                title: text[0][li].to_owned(),
                request: text[1][li].to_owned(),
                reasons: text[2][li].to_owned(),
                association_declaration: association.then(|| {
                    json!({"in_good_standing": true, "office_in_commune": true,
                           "activity_linked_to_subject": true})
                    .to_string()
                }),
                status: status.as_str(),
                signature_count: i32::try_from(n).unwrap_or(i32::MAX),
                receipt_number: receipt,
                filed_on,
                next_session_on,
                session_date,
                committee,
                outcome,
                created_at: created,
                updated_at: updated,
            });
        }
        set
    }
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
