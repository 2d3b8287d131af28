//! The data folder and what Tawasol writes in it: the SQLite database, generated keys and `.eml`
//! files (which hold live verification and reset links). On Unix, folders Tawasol creates are
//! 0700 and files 0600, whatever the umask: only the service's own user reads them.
//!
//! A folder that already exists is left as its owner made it (tightening a folder an operator
//! prepared, perhaps for a backup group, would surprise them); when others than its owner may
//! enter or read it, the log says so once at start-up, naming the path and its mode.

use std::io::{self, Write};
use std::path::Path;

/// Creates `dir` and its missing parents, for the owner only (0700). An existing folder is kept
/// as it is.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Writes a new file that only the owner can read or write (0600); fails if `path` exists.
pub fn write_private_file(path: &Path, content: &[u8]) -> io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(content)?;
    file.sync_all()
}

/// The permission bits (`0o755`) of `path` when its group or others have any access to it;
/// `None` when only its owner has, when it does not exist, or off Unix.
pub fn open_to_others(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
        (mode & 0o077 != 0).then_some(mode)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Logs a warning for each of `paths` that others than its owner may read or enter.
pub fn warn_if_open(paths: &[&Path]) {
    for path in paths {
        if let Some(mode) = open_to_others(path) {
            tracing::warn!(
                path = %path.display(),
                mode = %format!("{mode:04o}"),
                "others than its owner may read this: it holds personal data and keys (chmod go= it; see docs/deployment.md)"
            );
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn new_folders_and_files_are_the_owners_alone() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("a/b");
        create_private_dir(&dir).unwrap();
        assert_eq!(mode(&root.path().join("a")), 0o700);
        assert_eq!(mode(&dir), 0o700);
        let file = dir.join("x.eml");
        write_private_file(&file, b"hello").unwrap();
        assert_eq!(mode(&file), 0o600);
        assert_eq!(std::fs::read(&file).unwrap(), b"hello");
        assert!(
            write_private_file(&file, b"again").is_err(),
            "never overwrites"
        );
        assert_eq!(open_to_others(&dir), None);
    }

    #[test]
    fn an_existing_open_folder_is_kept_and_reported() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("shared");
        std::fs::create_dir(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        create_private_dir(&dir).unwrap();
        assert_eq!(mode(&dir), 0o755, "left as the operator made it");
        assert_eq!(open_to_others(&dir), Some(0o755));
        assert_eq!(open_to_others(&root.path().join("missing")), None);
    }
}
