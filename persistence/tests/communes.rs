use diesel::RunQueryDsl;
use diesel::connection::SimpleConnection;
use tawasol_domain::{CommuneSlug, Locale};
use tawasol_persistence::AnyConnection;
use tawasol_persistence::commune;
use tawasol_persistence::test_support::{TestDatabase, open};

fn slug(s: &str) -> CommuneSlug {
    CommuneSlug::parse(s).unwrap()
}

fn is_tifinagh(s: &str) -> bool {
    s.chars().any(|c| ('\u{2D30}'..='\u{2D7F}').contains(&c))
}

#[test]
fn the_three_pilot_communes_are_seeded_with_their_thresholds() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let all = commune::list(&mut conn, None, 100).unwrap();
    let slugs: Vec<&str> = all.iter().map(|c| c.slug.as_str()).collect();
    assert_eq!(slugs, ["sefrou", "tan-tan", "tangier"]);
    for c in &all {
        // The stored threshold is what the law's rule proposes for the seeded population.
        assert_eq!(c.petition_threshold, c.proposed_threshold(), "{}", c.slug);
        assert!(c.contains(c.centre), "{} centre inside its box", c.slug);
        assert!(is_tifinagh(c.names.get(Locale::Zgh)), "{}", c.slug);
        assert_eq!(c.time_zone, "Africa/Casablanca");
    }
    let tangier = all.iter().find(|c| c.slug.as_str() == "tangier").unwrap();
    assert_eq!(tangier.names.get(Locale::Ar), "طنجة");
    assert_eq!(tangier.names.get(Locale::Fr), "Tanger");
    assert_eq!(tangier.petition_threshold, 400);
    assert_eq!(tangier.population.get(), 1_275_428);
    assert_eq!(tangier.census_year.get(), 2024);
    let arr: Vec<&str> = tangier
        .arrondissements
        .iter()
        .map(|a| a.slug.as_str())
        .collect();
    assert_eq!(
        arr,
        [
            "tanger-medina",
            "bni-makada",
            "charf-mghogha",
            "charf-souani"
        ]
    );
    let tan_tan = all.iter().find(|c| c.slug.as_str() == "tan-tan").unwrap();
    assert_eq!(
        (tan_tan.petition_threshold, tan_tan.census_year.get()),
        (200, 2014)
    );
    assert!(tan_tan.arrondissements.is_empty());
}

#[test]
fn list_pages_by_slug() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let first = commune::list(&mut conn, None, 2).unwrap();
    assert_eq!(first.len(), 2);
    let rest = commune::list(&mut conn, Some(&first[1].slug), 2).unwrap();
    let slugs: Vec<&str> = rest.iter().map(|c| c.slug.as_str()).collect();
    assert_eq!(slugs, ["tangier"]);
    assert!(
        commune::list(&mut conn, Some(&slug("tangier")), 2)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn each_commune_has_the_eleven_categories_in_three_languages() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    for s in ["tan-tan", "tangier", "sefrou"] {
        let found = commune::find(&mut conn, &slug(s)).unwrap().expect(s);
        let codes: Vec<&str> = found.categories.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "roads_sidewalks",
                "public_lighting",
                "waste_cleanliness",
                "sanitation_drainage",
                "green_spaces",
                "traffic_transport",
                "markets_street_trading",
                "stray_animals_hygiene",
                "public_buildings_sports",
                "accessibility",
                "other"
            ]
        );
        for c in &found.categories {
            assert_eq!(c.answer_target_days.get(), 7);
            assert!(is_tifinagh(c.names.get(Locale::Zgh)), "{}", c.code);
            assert!(is_tifinagh(c.department.get(Locale::Zgh)), "{}", c.code);
            assert!(!c.department.get(Locale::Ar).is_empty());
        }
    }
    assert!(
        commune::find(&mut conn, &slug("casablanca"))
            .unwrap()
            .is_none()
    );
}

#[test]
fn the_database_refuses_what_the_domain_refuses() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let bad = [
        // Threshold of zero signatures.
        "UPDATE communes SET petition_threshold = 0 WHERE slug = 'sefrou'",
        // A box turned upside down.
        "UPDATE communes SET bbox_south = 40 WHERE slug = 'sefrou'",
        // A category in a commune that does not exist (foreign keys are on in SQLite too).
        "INSERT INTO categories (commune_id, code, name_ar, name_fr, name_zgh, department_ar, department_fr, department_zgh) \
         VALUES (9999, 'x_code', 'a', 'b', 'ⵜ', 'a', 'b', 'ⵜ')",
        // The same category twice in one commune.
        "INSERT INTO categories (commune_id, code, name_ar, name_fr, name_zgh, department_ar, department_fr, department_zgh) \
         SELECT id, 'other', 'a', 'b', 'ⵜ', 'a', 'b', 'ⵜ' FROM communes WHERE slug = 'sefrou'",
        // A slug with capitals.
        "UPDATE communes SET slug = 'Sefrou' WHERE slug = 'sefrou'",
        // An empty name.
        "UPDATE communes SET name_zgh = ' ' WHERE slug = 'sefrou'",
    ];
    for sql in bad {
        let result = match &mut *conn {
            AnyConnection::Postgresql(c) => c.batch_execute(sql),
            AnyConnection::Sqlite(c) => c.batch_execute(sql),
        };
        assert!(result.is_err(), "accepted: {sql}");
    }
    let sefrou = commune::find(&mut conn, &slug("sefrou")).unwrap().unwrap();
    assert_eq!(sefrou.commune.petition_threshold, 200);
}

#[test]
fn sqlite_files_use_write_ahead_logging() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    if let AnyConnection::Sqlite(c) = &mut *conn {
        #[derive(diesel::QueryableByName)]
        struct Mode {
            #[diesel(sql_type = diesel::sql_types::Text)]
            journal_mode: String,
        }
        let mode: Mode = diesel::sql_query("PRAGMA journal_mode")
            .get_result(c)
            .unwrap();
        assert_eq!(mode.journal_mode, "wal");
        #[derive(diesel::QueryableByName)]
        struct Fk {
            #[diesel(sql_type = diesel::sql_types::Integer)]
            foreign_keys: i32,
        }
        let fk: Fk = diesel::sql_query("PRAGMA foreign_keys")
            .get_result(c)
            .unwrap();
        assert_eq!(fk.foreign_keys, 1);
    } else {
        // On PostgreSQL the equivalent guarantees are the server's own: check the encoding that
        // Arabic and Tifinagh search relies on.
        #[derive(diesel::QueryableByName)]
        struct Enc {
            #[diesel(sql_type = diesel::sql_types::Text)]
            enc: String,
        }
        let AnyConnection::Postgresql(c) = &mut *conn else {
            unreachable!()
        };
        let enc: Enc = diesel::sql_query("SELECT pg_encoding_to_char(encoding)::text AS enc FROM pg_database WHERE datname = current_database()")
            .get_result(c)
            .unwrap();
        assert_eq!(enc.enc, "UTF8");
    }
}
