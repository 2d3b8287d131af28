//! The connection type shared by both backends.

use diesel::{PgConnection, SqliteConnection};

/// One connection type for both backends. Shared code uses only types both understand
/// (integers, floats, text, booleans, binary, naive UTC timestamps and dates).
#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Postgresql(PgConnection),
    Sqlite(SqliteConnection),
}

impl std::fmt::Debug for AnyConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            AnyConnection::Postgresql(_) => "AnyConnection::Postgresql",
            AnyConnection::Sqlite(_) => "AnyConnection::Sqlite",
        })
    }
}

/// Runs the same Diesel expression on whichever backend the connection is, for statements that
/// exist on both but not through the multi-connection (`ON CONFLICT`, `RETURNING`).
macro_rules! on_backend {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            $crate::connection::AnyConnection::Postgresql($c) => $body,
            $crate::connection::AnyConnection::Sqlite($c) => $body,
        }
    };
}
pub(crate) use on_backend;
