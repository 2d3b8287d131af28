use thiserror::Error;

/// What can go wrong below the use-cases. Messages name the cause for logs; the API maps every
/// variant to a problem type without echoing SQL, paths or connection strings.
#[derive(Debug, Error)]
pub enum PersistenceError {
    #[error("DATABASE_URL is not usable: {0}")]
    InvalidUrl(String),
    #[error("cannot reach the database: {0}")]
    Unavailable(String),
    #[error("database query failed: {0}")]
    Query(#[source] diesel::result::Error),
    #[error("migrations failed: {0}")]
    Migration(String),
    #[error("stored data breaks a rule: {0}")]
    CorruptRow(String),
    /// A text column holds a value its domain type does not know (a status, a visibility, a
    /// language…): the row cannot be read. An internal error above, never a panic.
    #[error("stored data breaks a rule: column {column} holds {value:?}, not {expected}")]
    Corrupt {
        column: String,
        expected: &'static str,
        value: String,
    },
}

impl From<diesel::result::Error> for PersistenceError {
    fn from(e: diesel::result::Error) -> Self {
        corrupt(&e).unwrap_or(PersistenceError::Query(e))
    }
}

impl From<diesel::r2d2::PoolError> for PersistenceError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        PersistenceError::Unavailable(e.to_string())
    }
}

impl From<diesel::ConnectionError> for PersistenceError {
    fn from(e: diesel::ConnectionError) -> Self {
        PersistenceError::Unavailable(e.to_string())
    }
}

/// A text column holds a value its domain type does not know.
#[derive(Debug, thiserror::Error)]
#[error("{value:?} is not {expected}")]
pub(crate) struct UnknownValue {
    pub(crate) expected: &'static str,
    pub(crate) value: String,
}

/// The typed error of a read that met an unknown value, if that is what failed: Diesel reports
/// it as a deserialization error, wrapped with the column's name.
fn corrupt(e: &diesel::result::Error) -> Option<PersistenceError> {
    let diesel::result::Error::DeserializationError(cause) = e else {
        return None;
    };
    let (column, inner): (Option<&str>, &(dyn std::error::Error + 'static)) =
        match cause.downcast_ref::<diesel::result::DeserializeFieldError>() {
            Some(field) => (field.field_name.as_deref(), field.error.as_ref()),
            None => (None, cause.as_ref()),
        };
    let unknown = inner.downcast_ref::<UnknownValue>()?;
    Some(PersistenceError::Corrupt {
        column: column.unwrap_or("?").to_owned(),
        expected: unknown.expected,
        value: unknown.value.clone(),
    })
}
