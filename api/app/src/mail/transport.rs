//! Where mails go: an SMTP server (`TAWASOL_SMTP_URL`), or `.eml` files under the data folder so
//! that a local instance works offline and a person can open what was sent. The files hold live
//! verification and reset links: the folder is 0700 and each file 0600 (written here rather than
//! by lettre's file transport, which leaves them to the umask).

use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tawasol_domain::DeliveryFailure;

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// `<uuid>.eml` files in this folder.
    Files {
        dir: PathBuf,
    },
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Transport::Smtp(_) => f.write_str("Transport::Smtp"),
            Transport::Files { dir } => write!(f, "Transport::Files({})", dir.display()),
        }
    }
}

/// A failed attempt, classified for the retry policy.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct DeliveryError {
    pub failure: DeliveryFailure,
    pub message: String,
}

impl DeliveryError {
    pub fn permanent(message: impl Into<String>) -> DeliveryError {
        DeliveryError {
            failure: DeliveryFailure::Permanent,
            message: message.into(),
        }
    }

    pub fn temporary(message: impl Into<String>) -> DeliveryError {
        DeliveryError {
            failure: DeliveryFailure::Temporary,
            message: message.into(),
        }
    }
}

impl Transport {
    /// `smtp://host:port`, `smtps://user:pass@host`, `smtp://host?tls=required` (lettre's URL
    /// form). Connections are pooled; each command times out after `timeout`.
    pub fn smtp(url: &str, timeout: Duration) -> Result<Transport, String> {
        let builder =
            AsyncSmtpTransport::<Tokio1Executor>::from_url(url).map_err(|e| e.to_string())?;
        Ok(Transport::Smtp(builder.timeout(Some(timeout)).build()))
    }

    /// Writes each mail as `<uuid>.eml` in `dir` (created if needed, 0700), each file 0600.
    pub fn files(dir: &Path) -> std::io::Result<Transport> {
        crate::data_dir::create_private_dir(dir)?;
        Ok(Transport::Files {
            dir: dir.to_owned(),
        })
    }

    pub fn describe(&self) -> String {
        match self {
            Transport::Smtp(_) => "smtp".to_owned(),
            Transport::Files { dir } => format!("files in {}", dir.display()),
        }
    }

    /// Sends one message. A 5xx answer is permanent; everything else (4xx, timeouts, refused or
    /// dropped connections, TLS trouble, a full disk) is worth another try.
    pub async fn send(&self, message: Message) -> Result<(), DeliveryError> {
        match self {
            Transport::Smtp(smtp) => smtp.send(message).await.map(|_| ()).map_err(|e| {
                if e.is_permanent() {
                    DeliveryError::permanent(e.to_string())
                } else {
                    DeliveryError::temporary(e.to_string())
                }
            }),
            Transport::Files { dir } => {
                let path = dir.join(format!("{}.eml", uuid::Uuid::new_v4()));
                let raw = message.formatted();
                tokio::task::spawn_blocking(move || {
                    crate::data_dir::write_private_file(&path, &raw).map_err(|e| {
                        DeliveryError::temporary(format!("writing {}: {e}", path.display()))
                    })
                })
                .await
                .map_err(|e| DeliveryError::temporary(e.to_string()))?
            }
        }
    }
}
