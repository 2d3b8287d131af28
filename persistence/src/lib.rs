//! Tawasol's storage: Diesel over an embedded SQLite database (the zero-setup default) or
//! PostgreSQL (production), through one code path. Backend-specific SQL lives only here, behind
//! functions that the test suite runs on both.

pub mod account;
pub mod api_key;
pub mod audit;
pub mod commune;
mod connection;
mod database;
pub mod demo;
pub mod desk;
pub mod digest;
mod error;
pub mod export;
pub mod feed;
pub mod idempotency;
pub mod issue;
mod migrations;
pub mod moderation;
pub mod outbox;
pub mod petition;
pub mod preferences;
pub mod role;
mod schema;
pub mod stats;
mod stored;
#[cfg(feature = "test-support")]
pub mod test_support;
pub mod throttle;

pub use connection::AnyConnection;
pub use database::{Backend, Database, PoolSettings, PooledConn, Readiness, write_transaction};
pub use error::PersistenceError;
