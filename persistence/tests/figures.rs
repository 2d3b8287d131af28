//! The figures' roll-ups against a recomputation from scratch, on random data: random issues,
//! answers and status changes, then random status, answer, visibility and place changes, folds
//! at random moments, and for random filters and periods the roll-up's sums must equal those
//! computed from the rows themselves.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::RunQueryDsl;
use tawasol_persistence::AnyConnection;
use tawasol_persistence::demo::{
    self, DemoIssueInsertForm, DemoReplyInsertForm, DemoStatusChangeInsertForm,
};
use tawasol_persistence::stats::StatsFilter;
use tawasol_persistence::stats::rollup::{self, Tally};
use tawasol_persistence::test_support::{TestDatabase, open, t0, user};

/// A small deterministic generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const STATUSES: [&str; 8] = [
    "submitted",
    "acknowledged",
    "in_progress",
    "planned",
    "resolved",
    "not_responsible",
    "duplicate",
    "rejected",
];
const VISIBILITIES: [&str; 3] = ["public", "pending", "hidden"];

fn run(conn: &mut AnyConnection, sql: &str) {
    diesel::sql_query(sql)
        .execute(conn)
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

fn time(conn: &AnyConnection, t: NaiveDateTime) -> String {
    let literal = format!("'{}'", t.format("%Y-%m-%d %H:%M:%S"));
    match conn {
        AnyConnection::Postgresql(_) => format!("CAST({literal} AS TIMESTAMP)"),
        AnyConnection::Sqlite(_) => literal,
    }
}

struct World {
    places: Vec<demo::DemoPlace>,
    users: Vec<i64>,
    issues: Vec<(i64, NaiveDateTime)>,
    replies: Vec<i64>,
    next: demo::NextIds,
}

impl World {
    fn issue(&mut self, rng: &mut Rng, conn: &mut AnyConnection) {
        let place = rng.pick(&self.places).clone();
        let (category_id, _, _) = rng.pick(&place.categories).clone();
        let arrondissement_id = if place.arrondissement_ids.is_empty() || rng.chance(30) {
            None
        } else {
            Some(*rng.pick(&place.arrondissement_ids))
        };
        // Around month and day edges: 150 days before t0, at any minute.
        let created = t0() - TimeDelta::minutes(rng.below(150 * 24 * 60) as i64);
        let status = *rng.pick(&STATUSES);
        let answered = rng.chance(60);
        let first = answered.then(|| rng.below(20 * 86_400) as i32);
        let resolution =
            (status == "resolved" && rng.chance(90)).then(|| rng.below(40 * 86_400) as i32);
        let id = self.next.issue;
        self.next.issue += 1;
        let author = *rng.pick(&self.users);
        demo::insert_issues(
            conn,
            &[DemoIssueInsertForm {
                id,
                commune_id: place.id,
                category_id,
                arrondissement_id,
                author_id: author,
                title: format!("issue {id}"),
                description: "d".into(),
                language: "fr",
                lat: None,
                lon: None,
                address: None,
                status,
                visibility: if rng.chance(80) {
                    "public"
                } else {
                    VISIBILITIES[rng.below(3) as usize]
                },
                expected_on: None,
                responsible_body: None,
                duplicate_of: None,
                support_count: 0,
                reply_count: 0,
                follower_count: 0,
                first_official_answer_at: first.map(|s| created + TimeDelta::seconds(i64::from(s))),
                first_answer_by: first.map(|_| *rng.pick(&self.users)),
                first_answer_seconds: first,
                resolved_at: resolution.map(|s| created + TimeDelta::seconds(i64::from(s))),
                resolution_seconds: resolution,
                search_text: "issue".into(),
                created_at: created,
                updated_at: created,
            }],
        )
        .expect("insert an issue");
        self.issues.push((id, created));
    }

    fn reply(&mut self, rng: &mut Rng, conn: &mut AnyConnection) {
        let (issue_id, created) = *rng.pick(&self.issues);
        let id = self.next.reply;
        self.next.reply += 1;
        demo::insert_replies(
            conn,
            &[DemoReplyInsertForm {
                id,
                issue_id,
                author_id: *rng.pick(&self.users),
                body: "b".into(),
                is_official: rng.chance(70),
                official_title: None,
                visibility: if rng.chance(85) { "public" } else { "hidden" },
                created_at: created + TimeDelta::hours(1),
                edited_at: None,
            }],
        )
        .expect("insert a reply");
        self.replies.push(id);
    }

    fn status_change(&mut self, rng: &mut Rng, conn: &mut AnyConnection) {
        let (issue_id, created) = *rng.pick(&self.issues);
        let id = self.next.status_change;
        self.next.status_change += 1;
        demo::insert_status_changes(
            conn,
            &[DemoStatusChangeInsertForm {
                id,
                issue_id,
                actor_id: *rng.pick(&self.users),
                from_status: "submitted",
                to_status: STATUSES[rng.below(8) as usize],
                note: "n".into(),
                expected_on: None,
                responsible_body: None,
                duplicate_of: None,
                created_at: created + TimeDelta::hours(2),
            }],
        )
        .expect("insert a status change");
    }

    fn change(&mut self, rng: &mut Rng, conn: &mut AnyConnection) {
        let (id, created) = *rng.pick(&self.issues);
        let sql = match rng.below(6) {
            0 => format!(
                "UPDATE issues SET status = '{}' WHERE id = {id}",
                rng.pick(&STATUSES)
            ),
            1 => format!(
                "UPDATE issues SET visibility = '{}' WHERE id = {id}",
                rng.pick(&VISIBILITIES)
            ),
            2 => {
                let s = rng.below(10 * 86_400);
                format!(
                    "UPDATE issues SET first_official_answer_at = {}, first_answer_seconds = {s}, \
                     first_answer_by = {} WHERE id = {id}",
                    time(conn, created + TimeDelta::seconds(s as i64)),
                    rng.pick(&self.users)
                )
            }
            3 => {
                let s = rng.below(30 * 86_400);
                format!(
                    "UPDATE issues SET status = 'resolved', resolved_at = {}, resolution_seconds = {s} \
                     WHERE id = {id}",
                    time(conn, created + TimeDelta::seconds(s as i64))
                )
            }
            4 => {
                // Another category (and arrondissement) of the same commune.
                let commune: Vec<&demo::DemoPlace> = self
                    .places
                    .iter()
                    .filter(|p| !p.categories.is_empty())
                    .collect();
                let place = *rng.pick(&commune);
                let (category, _, _) = rng.pick(&place.categories).clone();
                let arrondissement = match place.arrondissement_ids.is_empty() {
                    true => "NULL".to_owned(),
                    false => rng.pick(&place.arrondissement_ids).to_string(),
                };
                format!(
                    "UPDATE issues SET commune_id = {}, category_id = {category}, \
                     arrondissement_id = {arrondissement} WHERE id = {id}",
                    place.id
                )
            }
            _ => match self.replies.is_empty() {
                true => return,
                false => format!(
                    "UPDATE issue_replies SET visibility = '{}' WHERE id = {}",
                    if rng.chance(50) { "public" } else { "hidden" },
                    rng.pick(&self.replies)
                ),
            },
        };
        run(conn, &sql);
    }
}

fn filters(rng: &mut Rng, world: &World) -> StatsFilter {
    let mut f = StatsFilter::default();
    if rng.chance(80) {
        let place = rng.pick(&world.places);
        f.commune_id = Some(place.id);
        if rng.chance(30) && !place.arrondissement_ids.is_empty() {
            f.arrondissement_id = Some(*rng.pick(&place.arrondissement_ids));
        }
        if rng.chance(40) && !place.categories.is_empty() {
            for _ in 0..=rng.below(3) {
                f.category_ids.push(rng.pick(&place.categories).0);
            }
            f.category_ids.sort_unstable();
            f.category_ids.dedup();
        }
    }
    // Whole hours (where Moroccan days start), or minutes for the "late" cutoffs.
    let instant = |rng: &mut Rng| {
        let minutes = rng.below(170 * 24 * 60) as i64;
        let t = t0() + TimeDelta::days(5) - TimeDelta::minutes(minutes);
        if rng.chance(70) {
            t - TimeDelta::minutes(i64::from(chrono::Timelike::minute(&t)))
                - TimeDelta::seconds(i64::from(chrono::Timelike::second(&t)))
        } else {
            t
        }
    };
    if rng.chance(70) {
        f.from = Some(instant(rng));
    }
    if rng.chance(70) {
        f.to = Some(instant(rng));
    }
    f
}

fn check(conn: &mut AnyConnection, rng: &mut Rng, world: &World, round: usize) {
    let kinds = [
        rollup::ISSUES,
        rollup::FIRST_ANSWERS,
        rollup::RESOLUTIONS,
        rollup::ANSWERS,
        rollup::STATUS_CHANGES,
    ];
    for _ in 0..25 {
        let f = filters(rng, world);
        let fast: Vec<Tally> = rollup::tally(conn, &f, &kinds).expect("tally");
        let direct: Vec<Tally> = rollup::tally_direct(conn, &f, &kinds).expect("direct");
        let only_fast: Vec<&Tally> = fast.iter().filter(|t| !direct.contains(t)).collect();
        let only_direct: Vec<&Tally> = direct.iter().filter(|t| !fast.contains(t)).collect();
        assert!(
            only_fast.is_empty() && only_direct.is_empty(),
            "round {round}, filter {f:?}: roll-up only {only_fast:?}, rows only {only_direct:?}"
        );
    }
}

#[test]
fn the_figures_roll_ups_equal_a_recomputation_from_the_rows() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().expect("a connection");
    let conn: &mut AnyConnection = &mut conn;
    let users = (0..4)
        .map(|i| user(conn, &format!("u{i}@example.org")))
        .collect();
    let places: Vec<demo::DemoPlace> = demo::places(conn)
        .expect("places")
        .into_iter()
        .filter(|p| !p.categories.is_empty())
        .take(3)
        .collect();
    assert!(!places.is_empty(), "seeded communes");
    let next = demo::next_ids(conn).expect("next ids");
    let mut world = World {
        places,
        users,
        issues: Vec::new(),
        replies: Vec::new(),
        next,
    };
    let mut rng = Rng(0x005e_edf1_e1d5_u64);
    for _ in 0..400 {
        world.issue(&mut rng, conn);
    }
    for _ in 0..300 {
        world.reply(&mut rng, conn);
        world.status_change(&mut rng, conn);
    }
    check(conn, &mut rng, &world, 0);
    assert!(rollup::pending_over(conn, 10).expect("pending"));
    rollup::fold(conn).expect("fold");
    assert!(!rollup::pending_over(conn, 0).expect("pending"));
    check(conn, &mut rng, &world, 1);
    for round in 2..6 {
        for _ in 0..150 {
            match rng.below(5) {
                0 => world.issue(&mut rng, conn),
                1 => world.reply(&mut rng, conn),
                2 => world.status_change(&mut rng, conn),
                _ => world.change(&mut rng, conn),
            }
            if rng.chance(2) {
                rollup::fold(conn).expect("fold");
            }
        }
        check(conn, &mut rng, &world, round);
    }
    rollup::fold(conn).expect("fold");
    assert_eq!(
        tawasol_persistence::test_support::count_rows(conn, "figure_deltas").unwrap(),
        0,
        "everything folded"
    );
    check(conn, &mut rng, &world, 99);

    // The migration's backfill (one grouped pass over the rows) gives the same roll-up.
    let backend = match conn {
        AnyConnection::Postgresql(_) => "postgres",
        AnyConnection::Sqlite(_) => "sqlite",
    };
    let migration = std::fs::read_to_string(format!(
        "{}/../migrations/{backend}/2026-12-02-000301_figure_rollups/up.sql",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("the migration");
    let backfill = &migration[migration.find("-- Backfill").expect("a backfill")..];
    run(conn, "DELETE FROM figure_rollup");
    run(conn, backfill);
    check(conn, &mut rng, &world, 100);
}
