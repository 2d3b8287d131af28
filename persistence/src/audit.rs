//! The append-only audit log: every admin and moderator action, written in the same transaction.

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::audit_log;
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = audit_log)]
pub struct AuditInsertForm<'a> {
    pub actor_user_id: Option<i64>,
    pub action: &'a str,
    pub target_type: &'a str,
    pub target_id: &'a str,
    /// JSON of what the target was, and became.
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
    pub request_id: Option<&'a str>,
    pub created_at: NaiveDateTime,
}

pub fn record(
    conn: &mut AnyConnection,
    form: &AuditInsertForm<'_>,
) -> Result<(), PersistenceError> {
    diesel::insert_into(audit_log::table)
        .values(form)
        .execute(conn)?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct AuditRow {
    pub id: i64,
    pub actor_user_id: Option<i64>,
    pub action: String,
    pub target_type: String,
    pub target_id: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub request_id: Option<String>,
    pub created_at: NaiveDateTime,
}

/// Newest first, before `before_id`.
pub fn list(
    conn: &mut AnyConnection,
    before_id: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditRow>, PersistenceError> {
    let mut q = audit_log::table
        .select(AuditRow::as_select())
        .order(audit_log::id.desc())
        .limit(limit)
        .into_boxed();
    if let Some(id) = before_id {
        q = q.filter(audit_log::id.lt(id));
    }
    Ok(q.load(conn)?)
}

/// Every record about one target, oldest first.
pub fn about(
    conn: &mut AnyConnection,
    target_type: &str,
    target_id: &str,
) -> Result<Vec<AuditRow>, PersistenceError> {
    Ok(audit_log::table
        .filter(audit_log::target_type.eq(target_type))
        .filter(audit_log::target_id.eq(target_id))
        .order(audit_log::id.asc())
        .select(AuditRow::as_select())
        .load(conn)?)
}
