//! Persistence tests. Each runs on the backend the environment names (see
//! `tawasol_persistence::test_support`): SQLite by default, PostgreSQL in CI's second pass.

mod communes;
mod digest;
mod feeds;
mod figures;
mod issues;
mod migrations;
mod open311;
mod outbox;
mod petitions;
mod reads;
mod throttle;
mod writes;
