//! Problems with the configuration: one line each, naming its setting, all reported at once.

/// One line naming the setting and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{setting}: {message}")]
pub struct ConfigError {
    pub setting: String,
    pub message: String,
}

/// Every problem the configuration has, in the order found, so that a deployer fixes them all at
/// once: displayed as one line per problem, each naming its setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigErrors(pub Vec<ConfigError>);

impl ConfigErrors {
    pub fn iter(&self) -> std::slice::Iter<'_, ConfigError> {
        self.0.iter()
    }

    /// The settings named, in order.
    pub fn settings(&self) -> Vec<&str> {
        self.0.iter().map(|e| e.setting.as_str()).collect()
    }
}

impl std::fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigErrors {}

impl From<ConfigError> for ConfigErrors {
    fn from(e: ConfigError) -> ConfigErrors {
        ConfigErrors(vec![e])
    }
}

pub(super) fn bad(setting: &str, message: impl Into<String>) -> ConfigError {
    ConfigError {
        setting: setting.to_owned(),
        message: message.into(),
    }
}

/// The problems found while reading the settings. A bad value is recorded and a stand-in takes
/// its place so that reading goes on; the stand-ins are never used, since any problem refuses the
/// whole configuration.
#[derive(Debug, Default)]
pub(super) struct Problems(pub(super) Vec<ConfigError>);

impl Problems {
    pub(super) fn keep<T>(&mut self, value: Result<T, ConfigError>, stand_in: T) -> T {
        value.unwrap_or_else(|e| {
            self.add(e);
            stand_in
        })
    }

    /// Records a problem, unless its setting has one already (one line per setting).
    pub(super) fn add(&mut self, e: ConfigError) {
        if !self.0.iter().any(|p| p.setting == e.setting) {
            self.0.push(e);
        }
    }
}
