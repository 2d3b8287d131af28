//! Authentication: access tokens (JWT), refresh and mail tokens (opaque, stored hashed), and
//! password hashing. Authorization is elsewhere: domain policies over the actor read from the
//! database on every request.

pub mod jwt;
pub mod password;
pub mod token;
