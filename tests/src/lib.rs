//! Starts the real Tawasol server on a loopback port, on a fresh database of the backend the
//! environment names, for tests that act as a user over HTTP.

pub mod smtp;

use std::collections::BTreeMap;
use tawasol_api::startup::ServerHandle;
use tawasol_api::{Application, Settings};
use tawasol_persistence::test_support::TestDatabase;

pub use tawasol_persistence::test_support::test_backend_is_postgres;

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub db: TestDatabase,
    pub data_dir: tempfile::TempDir,
    handle: ServerHandle,
}

impl std::fmt::Debug for TestApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestApp")
            .field("address", &self.address)
            .finish()
    }
}

impl TestApp {
    /// A server with default settings.
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with(&[]).await
    }

    /// A server with some settings changed, as environment variables would.
    pub async fn spawn_with(settings: &[(&str, &str)]) -> TestApp {
        let db = TestDatabase::new();
        let data_dir = tempfile::tempdir().expect("temporary data folder");
        let mut env: BTreeMap<String, String> = BTreeMap::new();
        env.insert("TAWASOL_LISTEN".into(), "127.0.0.1:0".into());
        env.insert("DATABASE_URL".into(), db.url().to_owned());
        env.insert(
            "TAWASOL_DATA_DIR".into(),
            data_dir.path().to_string_lossy().into_owned(),
        );
        env.insert("TAWASOL_WORKERS".into(), "1".into());
        env.insert("TAWASOL_DB_POOL_SIZE".into(), "4".into());
        env.insert("TAWASOL_SHUTDOWN_TIMEOUT".into(), "1".into());
        for (k, v) in settings {
            env.insert((*k).to_owned(), (*v).to_owned());
        }
        let settings = Settings::from_sources(&env, None).expect("test settings are valid");
        let app = Application::build(&settings)
            .await
            .expect("the server starts");
        let address = format!("http://127.0.0.1:{}", app.port());
        let handle = app.handle();
        tokio::spawn(app.run_until_stopped());
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("HTTP client");
        TestApp {
            address,
            client,
            db,
            data_dir,
            handle,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request sent")
    }

    /// GET with an `Accept-Language` header.
    pub async fn get_in(&self, path: &str, accept_language: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header("accept-language", accept_language)
            .send()
            .await
            .expect("request sent")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let stop = self.handle.stop(false);
        if let Ok(rt) = tokio::runtime::Handle::try_current() {
            rt.spawn(stop);
        }
    }
}
