use chrono::TimeDelta;
use tawasol_domain::Locale;
use tawasol_domain::issue::{IssueStatus, Visibility};
use tawasol_domain::search::{index_terms, query_terms};
use tawasol_persistence::AnyConnection;
use tawasol_persistence::issue::{self, IssueFilter, StatusFilter};
use tawasol_persistence::test_support::{NewIssue, TestDatabase, execute, open, t0, user};

fn titles(rows: &[issue::IssueRow]) -> Vec<&str> {
    rows.iter().map(|r| r.title.as_str()).collect()
}

#[test]
fn an_issue_is_created_followed_by_its_author_and_read_back_with_its_place() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let amina = user(&mut conn, "amina@tawasol.test");
    let id = NewIssue {
        description: "الإنارة منعدمة منذ أسبوع",
        ..NewIssue::new("tangier", "public_lighting", "مصباح الشارع معطل")
    }
    .create(&mut conn, amina);
    let row = issue::find(&mut conn, id).unwrap().unwrap();
    assert_eq!(
        (
            row.commune.as_str(),
            row.category.as_str(),
            row.status.as_str()
        ),
        ("tangier", "public_lighting", "submitted")
    );
    assert_eq!(
        (row.follower_count, row.support_count, row.reply_count),
        (1, 0, 0)
    );
    assert!(issue::find(&mut conn, id + 1000).unwrap().is_none());
}

#[test]
fn search_finds_arabic_without_article_or_marks_french_without_accents_and_tifinagh() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let u = user(&mut conn, "u@tawasol.test");
    NewIssue {
        description: "الإنارة منعدمة منذ أسبوع",
        ..NewIssue::new("tangier", "public_lighting", "مصباح الشارع معطل")
    }
    .create(&mut conn, u);
    NewIssue {
        description: "Le trottoir de l'avenue est défoncé près de l'école",
        ..NewIssue::new("sefrou", "roads_sidewalks", "Trottoir dégradé")
    }
    .create(&mut conn, u);
    NewIssue {
        description: "ⵉⵙⴰⴳⵎⴰⵜⵏ ⵏ ⵓⵔⵜⵉ ⵜⵎⵎⵓⵜⵏ",
        ..NewIssue::new("tan-tan", "green_spaces", "ⴰⵔⵜⵉ ⵉⵅⵚⵚⴰ ⴰⵎⴰⵏ")
    }
    .create(&mut conn, u);
    let search = |conn: &mut AnyConnection, q: &str| {
        let filter = IssueFilter {
            terms: query_terms(q),
            ..IssueFilter::default()
        };
        issue::list(conn, &filter, None, 20).unwrap()
    };
    for q in ["الشارع", "شارع", "مُعَطَّل", "الانارة", "اسبوع"] {
        assert_eq!(titles(&search(&mut conn, q)), ["مصباح الشارع معطل"], "{q}");
    }
    for q in ["trottoir", "dégradé", "degrade", "ECOLE", "trott"] {
        assert_eq!(titles(&search(&mut conn, q)), ["Trottoir dégradé"], "{q}");
    }
    assert_eq!(titles(&search(&mut conn, "ⴰⵔⵜⵉ")), ["ⴰⵔⵜⵉ ⵉⵅⵚⵚⴰ ⴰⵎⴰⵏ"]);
    assert!(
        search(&mut conn, "trottoir شارع").is_empty(),
        "all words must match"
    );
    assert!(search(&mut conn, "\"; DROP TABLE issues; --").is_empty());
    assert_eq!(search(&mut conn, "").len(), 3, "no words, no restriction");
}

#[test]
fn lists_filter_and_page_without_repeating_or_skipping_under_inserts() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let u = user(&mut conn, "u@tawasol.test");
    let other = user(&mut conn, "o@tawasol.test");
    for i in 0..5 {
        NewIssue {
            description: "Lampadaire éteint depuis des jours",
            at: t0() + TimeDelta::minutes(i),
            ..NewIssue::new("tangier", "public_lighting", &format!("Tangier lamp {i}"))
        }
        .create(&mut conn, u);
    }
    NewIssue {
        description: "Chaussée abîmée sur l'avenue",
        ..NewIssue::new("sefrou", "roads_sidewalks", "Sefrou road")
    }
    .create(&mut conn, other);
    execute(
        &db,
        "UPDATE issues SET status = 'resolved' WHERE title = 'Tangier lamp 0'",
    );
    execute(
        &db,
        "UPDATE issues SET visibility = 'pending' WHERE title = 'Tangier lamp 1'",
    );

    let tangier = IssueFilter {
        commune: Some("tangier".into()),
        ..IssueFilter::default()
    };
    let first = issue::list(&mut conn, &tangier, None, 2).unwrap();
    assert_eq!(titles(&first), ["Tangier lamp 4", "Tangier lamp 3"]);
    // A new issue arrives between pages: the next page neither repeats nor skips.
    NewIssue {
        description: "Encore un lampadaire éteint",
        at: t0() + TimeDelta::hours(1),
        ..NewIssue::new("tangier", "public_lighting", "Tangier lamp new")
    }
    .create(&mut conn, u);
    let last = first.last().unwrap();
    let second = issue::list(
        &mut conn,
        &tangier,
        Some(last.key(issue::IssueSort::Newest)),
        10,
    )
    .unwrap();
    assert_eq!(
        titles(&second),
        ["Tangier lamp 2", "Tangier lamp 0"],
        "held issue 1 is not public"
    );

    let open = IssueFilter {
        status: Some(StatusFilter::Open),
        commune: Some("tangier".into()),
        ..IssueFilter::default()
    };
    assert!(!titles(&issue::list(&mut conn, &open, None, 20).unwrap()).contains(&"Tangier lamp 0"));
    let closed = IssueFilter {
        status: Some(StatusFilter::Closed),
        ..IssueFilter::default()
    };
    assert_eq!(
        titles(&issue::list(&mut conn, &closed, None, 20).unwrap()),
        ["Tangier lamp 0"]
    );
    let exact = IssueFilter {
        status: Some(StatusFilter::Is(IssueStatus::Resolved)),
        ..IssueFilter::default()
    };
    assert_eq!(issue::list(&mut conn, &exact, None, 20).unwrap().len(), 1);
    let by_category = IssueFilter {
        category: Some("roads_sidewalks".into()),
        ..IssueFilter::default()
    };
    assert_eq!(
        titles(&issue::list(&mut conn, &by_category, None, 20).unwrap()),
        ["Sefrou road"]
    );
    // Its author sees the held issue; nobody else does.
    let mine = IssueFilter {
        author_id: Some(u),
        viewer_id: Some(u),
        ..IssueFilter::default()
    };
    assert!(titles(&issue::list(&mut conn, &mine, None, 20).unwrap()).contains(&"Tangier lamp 1"));
    let theirs = IssueFilter {
        author_id: Some(u),
        viewer_id: Some(other),
        ..IssueFilter::default()
    };
    assert!(
        !titles(&issue::list(&mut conn, &theirs, None, 20).unwrap()).contains(&"Tangier lamp 1")
    );
}

#[test]
fn a_search_pages_newest_first_whether_its_word_is_common_or_rare() {
    use tawasol_persistence::demo::{self, DemoIssueInsertForm};
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let author = user(&mut conn, "bulk@tawasol.test");
    let tangier = demo::places(&mut conn)
        .unwrap()
        .into_iter()
        .find(|p| p.slug == "tangier")
        .unwrap();
    // 1,500 street lights (a common word: SQLite walks the date index) and 3 benches (a rare
    // one: it looks the matches up), interleaved in time, ids out of date order.
    let forms: Vec<DemoIssueInsertForm> = (0..1_503_i64)
        .map(|i| {
            let (title, offset) = if i % 500 == 7 {
                ("Banc cassé".to_owned(), i)
            } else {
                (format!("Lampadaire éteint {i}"), (i * 7) % 1_503)
            };
            DemoIssueInsertForm {
                id: 10_000 + i,
                commune_id: tangier.id,
                category_id: tangier.categories[0].0,
                arrondissement_id: None,
                author_id: author,
                search_text: index_terms(&title),
                title,
                description: "Depuis hier.".into(),
                language: Locale::Fr.as_str(),
                lat: None,
                lon: None,
                address: None,
                status: IssueStatus::Submitted.as_str(),
                visibility: Visibility::Public.as_str(),
                expected_on: None,
                responsible_body: None,
                duplicate_of: None,
                support_count: 0,
                reply_count: 0,
                follower_count: 0,
                first_official_answer_at: None,
                first_answer_by: None,
                first_answer_seconds: None,
                resolved_at: None,
                resolution_seconds: None,
                created_at: t0() + TimeDelta::minutes(offset),
                updated_at: t0() + TimeDelta::minutes(offset),
            }
        })
        .collect();
    demo::insert_issues(&mut conn, &forms).unwrap();
    let newest_first = |word: &str| {
        let mut expected: Vec<&DemoIssueInsertForm> = forms
            .iter()
            .filter(|f| f.search_text.contains(word))
            .collect();
        expected.sort_by_key(|f| std::cmp::Reverse((f.created_at, f.id)));
        expected.into_iter().map(|f| f.id).collect::<Vec<_>>()
    };
    for (word, query) in [("lampadaire", "lampad"), ("banc", "banc")] {
        let expected = newest_first(word);
        let filter = IssueFilter {
            commune: Some("tangier".into()),
            terms: query_terms(query),
            ..IssueFilter::default()
        };
        let first = issue::list(&mut conn, &filter, None, 21).unwrap();
        let ids: Vec<i64> = first.iter().map(|r| r.id).collect();
        assert_eq!(
            ids,
            expected[..expected.len().min(21)],
            "{word}: first page"
        );
        if expected.len() > 21 {
            let last = first.last().unwrap();
            let next = issue::list(
                &mut conn,
                &filter,
                Some(last.key(issue::IssueSort::Newest)),
                21,
            )
            .unwrap();
            let ids: Vec<i64> = next.iter().map(|r| r.id).collect();
            assert_eq!(ids, expected[21..42], "{word}: second page");
        }
    }
}
