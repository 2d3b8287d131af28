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

diesel::allow_tables_to_appear_in_same_query!(communes, arrondissements, categories, outbox);
