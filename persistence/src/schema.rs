//! Diesel's view of the tables. Written by hand for both backends: only column types that both
//! share appear here (BigInt, Integer, Double, Text, Bool, Timestamp).

diesel::table! {
    communes (id) {
        id -> BigInt,
        slug -> Text,
        name_ar -> Text,
        name_fr -> Text,
        name_zgh -> Text,
        population -> BigInt,
        census_year -> Integer,
        petition_threshold -> Integer,
        centre_lat -> Double,
        centre_lon -> Double,
        bbox_south -> Double,
        bbox_west -> Double,
        bbox_north -> Double,
        bbox_east -> Double,
        time_zone -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    arrondissements (id) {
        id -> BigInt,
        commune_id -> BigInt,
        slug -> Text,
        name_ar -> Text,
        name_fr -> Text,
        name_zgh -> Text,
        position -> Integer,
    }
}

diesel::table! {
    categories (id) {
        id -> BigInt,
        commune_id -> BigInt,
        code -> Text,
        position -> Integer,
        name_ar -> Text,
        name_fr -> Text,
        name_zgh -> Text,
        department_ar -> Text,
        department_fr -> Text,
        department_zgh -> Text,
        answer_target_days -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Nullable<Text>,
        password_hash -> Nullable<Text>,
        display_name -> Text,
        locale -> Text,
        home_commune_id -> Nullable<BigInt>,
        email_verified_at -> Nullable<Timestamp>,
        is_admin -> Bool,
        banned_at -> Nullable<Timestamp>,
        ban_reason -> Nullable<Text>,
        deleted_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    email_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        purpose -> Text,
        token_hash -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        new_email -> Nullable<Text>,
    }
}

diesel::table! {
    sessions (id) {
        id -> BigInt,
        user_id -> BigInt,
        created_at -> Timestamp,
        last_used_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
        revoked_reason -> Nullable<Text>,
        cookie_hash -> Nullable<Text>,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> BigInt,
        session_id -> BigInt,
        token_hash -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    officials (id) {
        id -> BigInt,
        user_id -> BigInt,
        commune_id -> BigInt,
        arrondissement_id -> Nullable<BigInt>,
        title -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    official_categories (official_id, category_id) {
        official_id -> BigInt,
        category_id -> BigInt,
    }
}

diesel::table! {
    moderators (id) {
        id -> BigInt,
        user_id -> BigInt,
        commune_id -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    organisations (id) {
        id -> BigInt,
        name -> Text,
        founded_on -> Date,
        head_office_commune_id -> BigInt,
        purpose -> Text,
        verified_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    organisation_members (organisation_id, user_id) {
        organisation_id -> BigInt,
        user_id -> BigInt,
        is_representative -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        actor_user_id -> Nullable<BigInt>,
        action -> Text,
        target_type -> Text,
        target_id -> Text,
        before -> Nullable<Text>,
        after -> Nullable<Text>,
        request_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    throttle (key) {
        key -> Text,
        window_start -> Timestamp,
        hits -> Integer,
    }
}

diesel::table! {
    issues (id) {
        id -> BigInt,
        commune_id -> BigInt,
        category_id -> BigInt,
        arrondissement_id -> Nullable<BigInt>,
        author_id -> BigInt,
        title -> Text,
        description -> Text,
        language -> Text,
        lat -> Nullable<Double>,
        lon -> Nullable<Double>,
        address -> Nullable<Text>,
        status -> Text,
        visibility -> Text,
        expected_on -> Nullable<Date>,
        responsible_body -> Nullable<Text>,
        duplicate_of -> Nullable<BigInt>,
        support_count -> Integer,
        reply_count -> Integer,
        follower_count -> Integer,
        first_official_answer_at -> Nullable<Timestamp>,
        resolved_at -> Nullable<Timestamp>,
        search_text -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        first_answer_seconds -> Nullable<Integer>,
        first_answer_by -> Nullable<BigInt>,
        resolution_seconds -> Nullable<Integer>,
    }
}

diesel::table! {
    issue_replies (id) {
        id -> BigInt,
        issue_id -> BigInt,
        author_id -> BigInt,
        body -> Text,
        is_official -> Bool,
        official_title -> Nullable<Text>,
        visibility -> Text,
        created_at -> Timestamp,
        edited_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    issue_reply_edits (id) {
        id -> BigInt,
        reply_id -> BigInt,
        previous_body -> Text,
        edited_at -> Timestamp,
    }
}

diesel::table! {
    issue_status_changes (id) {
        id -> BigInt,
        issue_id -> BigInt,
        actor_id -> BigInt,
        from_status -> Text,
        to_status -> Text,
        note -> Text,
        expected_on -> Nullable<Date>,
        responsible_body -> Nullable<Text>,
        duplicate_of -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    issue_supports (issue_id, user_id) {
        issue_id -> BigInt,
        user_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    issue_follows (issue_id, user_id) {
        issue_id -> BigInt,
        user_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    flags (id) {
        id -> BigInt,
        target_type -> Text,
        target_id -> BigInt,
        user_id -> BigInt,
        reason -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    idempotency_keys (user_id, key) {
        user_id -> BigInt,
        key -> Text,
        request_hash -> Text,
        response_status -> Nullable<Integer>,
        response_body -> Nullable<Text>,
        response_location -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    notification_preferences (user_id) {
        user_id -> BigInt,
        issue_updates -> Bool,
        all_replies -> Bool,
        official_new_issues -> Text,
        updated_at -> Timestamp,
        petition_updates -> Bool,
    }
}

diesel::table! {
    digest_runs (day) {
        day -> Date,
        ran_at -> Timestamp,
    }
}

diesel::table! {
    petitions (id) {
        id -> BigInt,
        commune_id -> BigInt,
        agent_id -> BigInt,
        filer_type -> Text,
        organisation_id -> Nullable<BigInt>,
        title -> Text,
        request -> Text,
        reasons -> Text,
        status -> Text,
        signature_count -> Integer,
        receipt_number -> Nullable<Text>,
        filed_on -> Nullable<Date>,
        next_session_on -> Nullable<Date>,
        session_date -> Nullable<Date>,
        committee -> Nullable<Text>,
        outcome -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        association_declaration -> Nullable<Text>,
        personal_data_erased_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    petition_events (id) {
        id -> BigInt,
        petition_id -> BigInt,
        actor_id -> Nullable<BigInt>,
        from_status -> Text,
        to_status -> Text,
        details -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    signatures (id) {
        id -> BigInt,
        petition_id -> BigInt,
        user_id -> BigInt,
        full_name -> Nullable<Text>,
        cin_encrypted -> Nullable<Text>,
        cin_hash -> Nullable<Text>,
        address_encrypted -> Nullable<Text>,
        lives_or_works_in_commune -> Bool,
        on_electoral_roll -> Bool,
        direct_interest -> Bool,
        show_name -> Bool,
        consented_at -> Timestamp,
        created_at -> Timestamp,
    }
}

diesel::table! {
    petition_follows (petition_id, user_id) {
        petition_id -> BigInt,
        user_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    api_keys (id) {
        id -> BigInt,
        owner_user_id -> BigInt,
        organisation_id -> Nullable<BigInt>,
        name -> Text,
        key_hash -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    open311_tokens (id) {
        id -> BigInt,
        token -> Text,
        issue_id -> BigInt,
        api_key_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::joinable!(arrondissements -> communes (commune_id));
diesel::joinable!(categories -> communes (commune_id));

diesel::table! {
    outbox (id) {
        id -> BigInt,
        dedupe_key -> Text,
        recipient -> Text,
        locale -> Text,
        template -> Text,
        payload -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_by -> Nullable<Text>,
        locked_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// The secret address of a person's feed of what they follow: one per person, hashed.
    feed_tokens (user_id) {
        user_id -> BigInt,
        token_hash -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(email_tokens -> users (user_id));
diesel::joinable!(feed_tokens -> users (user_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(refresh_tokens -> sessions (session_id));
diesel::joinable!(officials -> users (user_id));
diesel::joinable!(officials -> communes (commune_id));
diesel::joinable!(moderators -> users (user_id));
diesel::joinable!(organisation_members -> organisations (organisation_id));
diesel::joinable!(issues -> communes (commune_id));
diesel::joinable!(issues -> categories (category_id));
diesel::joinable!(issues -> users (author_id));
diesel::joinable!(issue_replies -> issues (issue_id));
diesel::joinable!(issue_status_changes -> issues (issue_id));
diesel::joinable!(petitions -> communes (commune_id));
diesel::joinable!(petitions -> users (agent_id));
diesel::joinable!(petition_events -> petitions (petition_id));
diesel::joinable!(signatures -> petitions (petition_id));
diesel::joinable!(api_keys -> users (owner_user_id));
diesel::joinable!(open311_tokens -> issues (issue_id));
diesel::joinable!(open311_tokens -> api_keys (api_key_id));
diesel::allow_tables_to_appear_in_same_query!(
    communes,
    arrondissements,
    categories,
    outbox,
    users,
    email_tokens,
    sessions,
    refresh_tokens,
    officials,
    official_categories,
    moderators,
    organisations,
    organisation_members,
    audit_log,
    throttle,
    issues,
    issue_replies,
    issue_reply_edits,
    issue_status_changes,
    issue_supports,
    issue_follows,
    flags,
    idempotency_keys,
    notification_preferences,
    digest_runs,
    petitions,
    petition_events,
    signatures,
    petition_follows,
    api_keys,
    open311_tokens,
    feed_tokens,
);
