//! Secret keys: from configuration, or (in the local environment only) generated once into the
//! data folder so that `cargo run` needs no setup. Production refuses generated keys.

use crate::config::Environment;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error("{setting}: must be at least 32 bytes")]
    TooShort { setting: &'static str },
    #[error("{setting}: must be set in production (generated keys are for local use only)")]
    Missing { setting: &'static str },
    #[error("{setting}: cannot read or create {path}: {source}")]
    File {
        setting: &'static str,
        path: String,
        source: std::io::Error,
    },
}

/// The key named by `setting`: its configured value, else (locally) the content of
/// `<data_dir>/<file>`, created with 32 random bytes on first use (mode 0600).
pub fn load(
    setting: &'static str,
    configured: Option<&str>,
    environment: Environment,
    data_dir: &Path,
    file: &str,
) -> Result<Vec<u8>, SecretError> {
    if let Some(value) = configured {
        if value.len() < 32 {
            return Err(SecretError::TooShort { setting });
        }
        return Ok(value.as_bytes().to_vec());
    }
    if environment == Environment::Production {
        return Err(SecretError::Missing { setting });
    }
    let path = data_dir.join(file);
    let io = |source| SecretError::File {
        setting,
        path: path.display().to_string(),
        source,
    };
    match std::fs::read_to_string(&path) {
        Ok(text) if text.trim().len() >= 64 => return Ok(text.trim().as_bytes().to_vec()),
        Ok(_) => {
            return Err(io(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "the file holds less than 32 bytes of key",
            )));
        }
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(e)),
        Err(_) => {}
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| io(std::io::Error::other(e.to_string())))?;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    crate::data_dir::create_private_dir(data_dir).map_err(io)?;
    match crate::data_dir::write_private_file(&path, hex.as_bytes()) {
        Ok(()) => {
            tracing::info!(file = %path.display(), "generated a local key ({setting})");
            Ok(hex.into_bytes())
        }
        // Another process created it first: use theirs.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            load(setting, None, environment, data_dir, file)
        }
        Err(e) => Err(io(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_key_is_generated_once_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let a = load("TAWASOL_X", None, Environment::Local, dir.path(), "x.key").unwrap();
        let b = load("TAWASOL_X", None, Environment::Local, dir.path(), "x.key").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.len(), 64);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("x.key"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn production_needs_a_configured_key_of_32_bytes() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            load(
                "TAWASOL_X",
                None,
                Environment::Production,
                dir.path(),
                "x.key"
            ),
            Err(SecretError::Missing { .. })
        ));
        assert!(matches!(
            load(
                "TAWASOL_X",
                Some("short"),
                Environment::Production,
                dir.path(),
                "x.key"
            ),
            Err(SecretError::TooShort { .. })
        ));
        let key = "k".repeat(32);
        assert_eq!(
            load(
                "TAWASOL_X",
                Some(&key),
                Environment::Production,
                dir.path(),
                "x.key"
            )
            .unwrap(),
            key.as_bytes()
        );
    }
}
