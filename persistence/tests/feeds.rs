//! The feeds' queries and personal feed tokens, on the backend the environment names.

use tawasol_domain::Locale;
use tawasol_domain::issue::{IssueStatus, Visibility};
use tawasol_domain::petition::PetitionStatus;
use tawasol_persistence::AnyConnection;
use tawasol_persistence::account;
use tawasol_persistence::feed::{self, Scope};
use tawasol_persistence::issue::{self, StatusUpdate};
use tawasol_persistence::petition::{self, PetitionEventInsertForm, PetitionStepUpdateForm};
use tawasol_persistence::test_support::{
    NewIssue, TestDatabase, at, count_rows, open, person, petition, reply, t0,
};

#[test]
fn a_feed_token_is_one_per_person_replaced_revoked_and_gone_with_the_account() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let c = &mut *conn;
    let amina = person(c, "amina@tawasol.test", "Amina", Locale::Fr);
    feed::replace_token(c, amina, "hash-one", t0()).unwrap();
    let owner = feed::token_owner(c, "hash-one").unwrap().expect("current");
    assert_eq!((owner.user_id, owner.locale.as_str()), (amina, "fr"));
    feed::replace_token(c, amina, "hash-two", at(1)).unwrap();
    assert_eq!(feed::token_owner(c, "hash-one").unwrap(), None, "replaced");
    assert!(feed::token_owner(c, "hash-two").unwrap().is_some());
    assert!(feed::delete_token(c, amina).unwrap());
    assert_eq!(feed::token_owner(c, "hash-two").unwrap(), None, "revoked");
    assert!(!feed::delete_token(c, amina).unwrap());
    feed::replace_token(c, amina, "hash-three", at(2)).unwrap();
    account::erase(c, amina, at(3)).unwrap();
    assert_eq!(feed::token_owner(c, "hash-three").unwrap(), None);
    let left = count_rows(c, "feed_tokens").unwrap();
    assert_eq!(left, 0, "erasing the account deletes its token");
}

#[test]
fn feeds_read_only_public_replies_of_public_issues_newest_first_in_scope() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let c = &mut *conn;
    let amina = person(c, "amina@tawasol.test", "Amina", Locale::Fr);
    let karim = person(c, "karim@tawasol.test", "Karim", Locale::Fr);
    let public = NewIssue {
        description: "La rue est dans le noir depuis trois nuits.",
        visibility: Visibility::Public,
        ..NewIssue::new("tangier", "public_lighting", "Lampadaire éteint")
    }
    .create(c, amina);
    let held = NewIssue {
        description: "La rue est dans le noir depuis trois nuits.",
        visibility: Visibility::Pending,
        ..NewIssue::new("tangier", "public_lighting", "Appelez le 0612345678")
    }
    .create(c, amina);
    let other = NewIssue {
        description: "La rue est dans le noir depuis trois nuits.",
        visibility: Visibility::Public,
        ..NewIssue::new("tangier", "public_lighting", "Trottoir cassé")
    }
    .create(c, karim);
    reply(
        c,
        public,
        karim,
        "Première réponse",
        Visibility::Public,
        at(1),
    );
    reply(
        c,
        public,
        karim,
        "Retenue pour modération",
        Visibility::Pending,
        at(2),
    );
    reply(c, public, karim, "Masquée", Visibility::Hidden, at(3));
    reply(
        c,
        public,
        amina,
        "Deuxième réponse",
        Visibility::Public,
        at(4),
    );
    reply(
        c,
        held,
        karim,
        "Sur un signalement retenu",
        Visibility::Public,
        at(5),
    );
    reply(c, other, karim, "Ailleurs", Visibility::Public, at(6));
    issue::change_status(
        c,
        &StatusUpdate {
            issue_id: public,
            actor_id: karim,
            from: IssueStatus::Submitted,
            to: IssueStatus::Acknowledged,
            note: "Pris en compte.",
            expected_on: None,
            responsible_body: None,
            duplicate_of: None,
            at: at(7),
        },
    )
    .unwrap();

    let bodies = |rows: Vec<feed::ReplyEntry>| rows.into_iter().map(|r| r.body).collect::<Vec<_>>();
    assert_eq!(
        bodies(feed::replies(c, Scope::One(public), 50).unwrap()),
        ["Deuxième réponse", "Première réponse"]
    );
    assert_eq!(feed::replies(c, Scope::One(held), 50).unwrap(), []);
    assert_eq!(
        bodies(feed::replies(c, Scope::One(public), 1).unwrap()),
        ["Deuxième réponse"],
        "the newest first, within the limit"
    );
    // Amina follows her own two issues (the held one gives nothing); Karim follows his.
    assert_eq!(
        bodies(feed::replies(c, Scope::FollowedBy(amina), 50).unwrap()),
        ["Deuxième réponse", "Première réponse"]
    );
    assert_eq!(
        bodies(feed::replies(c, Scope::FollowedBy(karim), 50).unwrap()),
        ["Ailleurs"]
    );
    let changes = feed::status_changes(c, Scope::FollowedBy(amina), 50).unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(
        (
            changes[0].to_status.as_str(),
            changes[0].actor_name.as_str(),
            changes[0].issue_language.as_str()
        ),
        ("acknowledged", "Karim", "fr")
    );
    assert_eq!(
        feed::status_changes(c, Scope::FollowedBy(karim), 50).unwrap(),
        []
    );
}

#[test]
fn petition_steps_are_read_for_followers_and_signatories_never_for_drafts() {
    let db = TestDatabase::new();
    let database = open(&db);
    let mut conn = database.conn().unwrap();
    let c = &mut *conn;
    let agent = person(c, "agent@tawasol.test", "Agent", Locale::Fr);
    let follower = person(c, "follower@tawasol.test", "Follower", Locale::Fr);
    let stranger = person(c, "stranger@tawasol.test", "Stranger", Locale::Fr);
    let make = |c: &mut AnyConnection, title: &str| {
        let id = petition(c, agent, "sefrou", title);
        petition::record_event(
            c,
            &PetitionEventInsertForm {
                petition_id: id,
                actor_id: Some(agent),
                from_status: None,
                to_status: PetitionStatus::Draft,
                details: "{}",
                created_at: t0(),
            },
        )
        .unwrap();
        petition::set_follow(c, id, agent, true, t0()).unwrap();
        id
    };
    let published = make(c, "Des espaces verts");
    let draft = make(c, "Un brouillon");
    let moved = petition::step(
        c,
        &PetitionStepUpdateForm::to(PetitionStatus::Collecting, at(1)),
        &PetitionEventInsertForm {
            petition_id: published,
            actor_id: Some(agent),
            from_status: Some(PetitionStatus::Draft),
            to_status: PetitionStatus::Collecting,
            details: "{}",
            created_at: at(1),
        },
    )
    .unwrap();
    assert!(moved);
    petition::set_follow(c, published, follower, true, at(2)).unwrap();
    let to = |rows: Vec<feed::StepEntry>| {
        rows.into_iter()
            .map(|s| (s.petition_title, s.to_status))
            .collect::<Vec<_>>()
    };
    let want = vec![("Des espaces verts".to_owned(), PetitionStatus::Collecting)];
    assert_eq!(to(feed::steps(c, Scope::One(published), 50).unwrap()), want);
    assert_eq!(feed::steps(c, Scope::One(draft), 50).unwrap(), []);
    assert_eq!(
        to(feed::steps(c, Scope::FollowedBy(agent), 50).unwrap()),
        want
    );
    assert_eq!(
        to(feed::steps(c, Scope::FollowedBy(follower), 50).unwrap()),
        want
    );
    assert_eq!(feed::steps(c, Scope::FollowedBy(stranger), 50).unwrap(), []);
    // A signature is enough, without a follow.
    petition::sign(
        c,
        &petition::SignatureInsertForm {
            petition_id: published,
            user_id: stranger,
            full_name: "Nom Prénom",
            cin_encrypted: "ciphertext",
            cin_hash: "hash",
            address_encrypted: "ciphertext",
            lives_or_works_in_commune: true,
            on_electoral_roll: true,
            direct_interest: true,
            show_name: false,
            consented_at: at(3),
            created_at: at(3),
        },
    )
    .unwrap();
    assert_eq!(
        to(feed::steps(c, Scope::FollowedBy(stranger), 50).unwrap()),
        want
    );
}
