//! The one configuration struct, and where its values come from: a setting given as a flag
//! beats its `THB_*` environment variable, which beats the TOML file of `--config`, which beats
//! the default. `main` resolves it once and hands it down explicitly: nothing reads the
//! environment or global state behind its back.
//!
//! Tokens are secrets: they come from the environment (or a flag) only. A file that names one is
//! refused, so a token never ends up in a file that is copied, committed or backed up.
//! `deploy/thb-caselaw.toml` is the documented example.

use std::collections::BTreeMap;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::parser::ValueSource;
use clap::ArgMatches;
use serde::Deserialize;

use crate::server::ServeOptions;

/// The default of [`Config::response_cache_mib`]: thousands of pages of results.
pub const DEFAULT_RESPONSE_CACHE_MIB: u16 = 64;

/// The default of [`Config::writer_mib`], as `ingest`'s: a budget the writer fills before it
/// writes a segment, not an allocation, so a small write through the API uses little of it.
pub const DEFAULT_WRITER_MIB: u16 = 256;

/// Where things are and who may do what.
#[derive(Debug, Clone)]
pub struct Config {
    /// The index directory (`index/` by default).
    pub index_dir: PathBuf,
    /// The shipped corpus (`corpus/` by default), built into the index when it is missing or stale.
    pub corpus_dir: PathBuf,
    /// Address the server listens on.
    pub addr: SocketAddr,
    /// Tokens that may write and delete (and read restricted documents).
    pub admin_tokens: Vec<String>,
    /// Tokens that may read restricted documents.
    pub reader_tokens: Vec<String>,
    /// Let public documents that look like they hold personal data (a JMBG, an e-mail address,
    /// a telephone number) through the guard, for the corpus build and the write API.
    pub allow_personal_data: bool,
    /// MiB of recent search responses the server keeps to answer the same request again
    /// (`search::cache`); 0 keeps none.
    pub response_cache_mib: usize,
    /// MiB of writer memory for the corpus build and for each write through the API.
    pub writer_mib: usize,
    /// Origins whose pages may call the API from a browser (CORS); empty allows none, `*` any.
    pub cors_origins: Vec<String>,
    /// How the server logs.
    pub log: LogOptions,
    /// The listener's connection limits and timeouts.
    pub serve: ServeOptions,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            index_dir: PathBuf::from("index"),
            corpus_dir: PathBuf::from("corpus"),
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            admin_tokens: Vec::new(),
            reader_tokens: Vec::new(),
            allow_personal_data: false,
            response_cache_mib: DEFAULT_RESPONSE_CACHE_MIB as usize,
            writer_mib: DEFAULT_WRITER_MIB as usize,
            cors_origins: Vec::new(),
            log: LogOptions::default(),
            serve: ServeOptions::default(),
        }
    }
}

/// The log's shape and verbosity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogOptions {
    pub format: LogFormat,
    /// A `tracing` filter: `info`, `warn`, `thb_caselaw=debug,tower_http=info`, ….
    pub level: String,
}

impl Default for LogOptions {
    fn default() -> Self {
        LogOptions {
            format: LogFormat::Text,
            level: "info".into(),
        }
    }
}

/// One line of text per event for people, or one JSON object per line for a log collector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

impl fmt::Display for LogFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LogFormat::Text => "text",
            LogFormat::Json => "json",
        })
    }
}

/// The server's settings as flags and environment variables (every one optional: what is not
/// given comes from the file or the default). `serve` and `config check` take the same ones.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Settings {
    /// A TOML file of settings (documented example: deploy/thb-caselaw.toml).
    #[arg(long, env = "THB_CONFIG")]
    pub config: Option<PathBuf>,
    /// The index directory [default: index].
    #[arg(long, env = "THB_INDEX")]
    pub index: Option<PathBuf>,
    /// The corpus built into the index when it is missing or stale [default: corpus].
    #[arg(long, env = "THB_CORPUS")]
    pub corpus: Option<PathBuf>,
    /// The address to listen on [default: 127.0.0.1:8080].
    #[arg(long, env = "THB_ADDR")]
    pub addr: Option<SocketAddr>,
    /// Comma-separated admin tokens (write, delete, read restricted). Environment only in
    /// production: a flag shows in the process list.
    #[arg(long, env = "THB_ADMIN_TOKEN", hide_env_values = true)]
    pub admin_token: Option<String>,
    /// Comma-separated reader tokens (read restricted documents).
    #[arg(long, env = "THB_READER_TOKEN", hide_env_values = true)]
    pub reader_token: Option<String>,
    /// Accept public documents that look like they hold personal data, in the corpus build
    /// and through the write API; by default they are rejected.
    #[arg(long, env = "THB_ALLOW_PERSONAL_DATA", value_parser = switch,
          num_args = 0..=1, default_missing_value = "true")]
    pub allow_personal_data: Option<bool>,
    /// MiB of recent search responses kept to answer the same request again without
    /// searching (emptied by every change to the index); 0 turns the cache off [default: 64].
    #[arg(long, env = "THB_CACHE_MIB")]
    pub cache_mib: Option<u16>,
    /// MiB of writer memory for the corpus build and each write through the API [default: 256].
    #[arg(long, env = "THB_WRITER_MIB", value_parser = clap::value_parser!(u16).range(1..))]
    pub writer_mib: Option<u16>,
    /// Seconds a client has to send a request's head, counted from when its connection
    /// starts waiting for one: slow or idle connections are closed after it [default: 10].
    #[arg(long, env = "THB_HEADER_TIMEOUT", value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub header_timeout: Option<u64>,
    /// Most connections served at once; further clients wait until one closes [default: 512].
    #[arg(long, env = "THB_MAX_CONNECTIONS",
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=65536))]
    pub max_connections: Option<usize>,
    /// Comma-separated origins whose pages may call the API (CORS), or `*` for any.
    #[arg(long, env = "THB_CORS_ORIGINS")]
    pub cors_origins: Option<String>,
    /// `text` for people, `json` for a log collector (one object per line) [default: text].
    #[arg(long, env = "THB_LOG_FORMAT")]
    pub log_format: Option<LogFormat>,
    /// A tracing filter (`info`, `debug`, `thb_caselaw=debug`); RUST_LOG is read too
    /// [default: info].
    #[arg(long, env = "THB_LOG")]
    pub log_level: Option<String>,
}

/// A yes/no flag that may also come from the environment: `1 true yes on` or `0 false no off`
/// (any case), and an empty value as unset. Anything else is an error: a typo must never switch
/// the personal data guard off (or on) silently.
pub fn switch(value: &str) -> Result<bool, String> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "" | "0" | "false" | "no" | "off" => Ok(false),
        other => Err(format!(
            "`{other}` is not a yes/no value (1/0, true/false, yes/no, on/off)"
        )),
    }
}

/// The settings file as written: every key optional, unknown keys refused (with the line).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    server: FileServer,
    #[serde(default)]
    paths: FilePaths,
    #[serde(default)]
    search: FileSearch,
    #[serde(default)]
    writes: FileWrites,
    #[serde(default)]
    log: FileLog,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileServer {
    addr: Option<SocketAddr>,
    header_timeout_secs: Option<u64>,
    max_connections: Option<usize>,
    cors_origins: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FilePaths {
    index: Option<PathBuf>,
    corpus: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSearch {
    cache_mib: Option<u16>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileWrites {
    writer_mib: Option<u16>,
    allow_personal_data: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileLog {
    format: Option<LogFormat>,
    level: Option<String>,
}

/// A configuration that cannot be used, naming the file, the line where there is one, and the
/// setting.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the configuration file {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// toml's message names the line, the column and the key.
    #[error("{}: {message}", path.display())]
    Parse { path: PathBuf, message: String },
    #[error("{}: `{key}`: tokens are secrets and are never read from a file; set THB_ADMIN_TOKEN or THB_READER_TOKEN in the environment (for systemd, an EnvironmentFile readable by the service only)", path.display())]
    TokenInFile { path: PathBuf, key: String },
    #[error("{setting} (from {origin}): {message}")]
    Invalid {
        setting: &'static str,
        origin: Source,
        message: String,
    },
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Default,
    File(PathBuf),
    Environment(&'static str),
    Flag,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Default => f.write_str("default"),
            Source::File(path) => write!(f, "file {}", path.display()),
            Source::Environment(name) => write!(f, "environment {name}"),
            Source::Flag => f.write_str("flag"),
        }
    }
}

/// A configuration with the source of each setting, for `config check`.
#[derive(Debug)]
pub struct Resolved {
    pub config: Config,
    pub sources: BTreeMap<&'static str, Source>,
}

impl Resolved {
    /// Every setting as `name = value  (source)`, tokens masked: what `config check` prints.
    pub fn describe(&self) -> Vec<(&'static str, String, String)> {
        let c = &self.config;
        let masked = |tokens: &[String]| match tokens.len() {
            0 => "(none)".to_string(),
            1 => "1 token (masked)".to_string(),
            n => format!("{n} tokens (masked)"),
        };
        let rows: Vec<(&'static str, String)> = vec![
            ("addr", c.addr.to_string()),
            ("index", c.index_dir.display().to_string()),
            ("corpus", c.corpus_dir.display().to_string()),
            ("admin_token", masked(&c.admin_tokens)),
            ("reader_token", masked(&c.reader_tokens)),
            ("allow_personal_data", c.allow_personal_data.to_string()),
            ("cache_mib", c.response_cache_mib.to_string()),
            ("writer_mib", c.writer_mib.to_string()),
            (
                "header_timeout_secs",
                c.serve.header_read_timeout.as_secs().to_string(),
            ),
            ("max_connections", c.serve.max_connections.to_string()),
            (
                "cors_origins",
                if c.cors_origins.is_empty() {
                    "(none)".into()
                } else {
                    c.cors_origins.join(",")
                },
            ),
            ("log_format", c.log.format.to_string()),
            ("log_level", c.log.level.clone()),
        ];
        rows.into_iter()
            .map(|(name, value)| {
                let source = self.sources.get(name).unwrap_or(&Source::Default);
                (name, value, source.to_string())
            })
            .collect()
    }
}

/// Resolves the settings: `settings` as clap parsed them, `matches` to tell a flag from an
/// environment variable, `rust_log` the value of `RUST_LOG` if set.
pub fn resolve(
    settings: &Settings,
    matches: Option<&ArgMatches>,
    rust_log: Option<String>,
) -> Result<Resolved, ConfigError> {
    let (file, file_path) = match &settings.config {
        Some(path) => (read_file(path)?, Some(path.clone())),
        None => (File::default(), None),
    };
    let mut config = Config::default();
    let mut sources = BTreeMap::new();
    // Where a value given to clap came from: the flag or its environment variable.
    let given = |id: &str, env: &'static str| match matches.and_then(|m| m.value_source(id)) {
        Some(ValueSource::CommandLine) => Source::Flag,
        _ => Source::Environment(env),
    };
    let from_file = || Source::File(file_path.clone().unwrap_or_default());

    // A setting given to clap (flag or environment) wins over the file's.
    macro_rules! setting {
        ($name:literal, $id:literal, $env:literal, $arg:expr, $file:expr, |$c:ident, $v:ident| $apply:expr) => {
            if let Some($v) = $arg.clone() {
                let $c = &mut config;
                $apply;
                sources.insert($name, given($id, $env));
            } else if let Some($v) = $file {
                let $c = &mut config;
                $apply;
                sources.insert($name, from_file());
            }
        };
    }
    setting!(
        "addr",
        "addr",
        "THB_ADDR",
        settings.addr,
        file.server.addr,
        |c, v| c.addr = v
    );
    setting!(
        "index",
        "index",
        "THB_INDEX",
        settings.index,
        file.paths.index.clone(),
        |c, v| c.index_dir = v
    );
    setting!(
        "corpus",
        "corpus",
        "THB_CORPUS",
        settings.corpus,
        file.paths.corpus.clone(),
        |c, v| c.corpus_dir = v
    );
    setting!(
        "allow_personal_data",
        "allow_personal_data",
        "THB_ALLOW_PERSONAL_DATA",
        settings.allow_personal_data,
        file.writes.allow_personal_data,
        |c, v| c.allow_personal_data = v
    );
    setting!(
        "cache_mib",
        "cache_mib",
        "THB_CACHE_MIB",
        settings.cache_mib,
        file.search.cache_mib,
        |c, v| c.response_cache_mib = usize::from(v)
    );
    setting!(
        "writer_mib",
        "writer_mib",
        "THB_WRITER_MIB",
        settings.writer_mib,
        file.writes.writer_mib,
        |c, v| c.writer_mib = usize::from(v)
    );
    setting!(
        "header_timeout_secs",
        "header_timeout",
        "THB_HEADER_TIMEOUT",
        settings.header_timeout,
        file.server.header_timeout_secs,
        |c, v| c.serve.header_read_timeout = Duration::from_secs(v)
    );
    setting!(
        "max_connections",
        "max_connections",
        "THB_MAX_CONNECTIONS",
        settings.max_connections,
        file.server.max_connections,
        |c, v| c.serve.max_connections = v
    );
    setting!(
        "cors_origins",
        "cors_origins",
        "THB_CORS_ORIGINS",
        settings.cors_origins.as_deref().map(parse_list),
        file.server.cors_origins.clone(),
        |c, v| c.cors_origins = v
    );
    setting!(
        "log_format",
        "log_format",
        "THB_LOG_FORMAT",
        settings.log_format,
        file.log.format,
        |c, v| c.log.format = v
    );
    // The level: the flag or THB_LOG, else RUST_LOG (the convention of every tracing program),
    // else the file.
    if let Some(level) = &settings.log_level {
        config.log.level = level.clone();
        sources.insert("log_level", given("log_level", "THB_LOG"));
    } else if let Some(level) = rust_log.filter(|l| !l.trim().is_empty()) {
        config.log.level = level;
        sources.insert("log_level", Source::Environment("RUST_LOG"));
    } else if let Some(level) = file.log.level.clone() {
        config.log.level = level;
        sources.insert("log_level", from_file());
    }
    // Tokens: flags or the environment only.
    if let Some(tokens) = &settings.admin_token {
        config.admin_tokens = parse_list(tokens);
        sources.insert("admin_token", given("admin_token", "THB_ADMIN_TOKEN"));
    }
    if let Some(tokens) = &settings.reader_token {
        config.reader_tokens = parse_list(tokens);
        sources.insert("reader_token", given("reader_token", "THB_READER_TOKEN"));
    }
    let resolved = Resolved { config, sources };
    check(&resolved)?;
    Ok(resolved)
}

/// What serde cannot check: values whose range or shape matter.
fn check(resolved: &Resolved) -> Result<(), ConfigError> {
    let c = &resolved.config;
    let source = |name: &'static str| {
        resolved
            .sources
            .get(name)
            .cloned()
            .unwrap_or(Source::Default)
    };
    let invalid = |setting: &'static str, message: String| ConfigError::Invalid {
        setting,
        origin: source(setting),
        message,
    };
    if !(1..=3600).contains(&c.serve.header_read_timeout.as_secs()) {
        return Err(invalid(
            "header_timeout_secs",
            format!(
                "{} is outside 1–3600 seconds",
                c.serve.header_read_timeout.as_secs()
            ),
        ));
    }
    if !(1..=65536).contains(&c.serve.max_connections) {
        return Err(invalid(
            "max_connections",
            format!("{} is outside 1–65536", c.serve.max_connections),
        ));
    }
    if c.writer_mib == 0 {
        return Err(invalid("writer_mib", "must be at least 1".into()));
    }
    for origin in &c.cors_origins {
        if origin != "*" && !is_origin(origin) {
            return Err(invalid(
                "cors_origins",
                format!("`{origin}` is not an origin; write scheme://host[:port] with no path, such as https://caselaw.example.org, or * for any"),
            ));
        }
    }
    if c.cors_origins.len() > 1 && c.cors_origins.iter().any(|o| o == "*") {
        return Err(invalid(
            "cors_origins",
            "`*` allows every origin and cannot be listed with others".into(),
        ));
    }
    if let Err(e) = tracing_subscriber::EnvFilter::try_new(&c.log.level) {
        return Err(invalid(
            "log_level",
            format!("`{}` is not a log filter: {e}", c.log.level),
        ));
    }
    Ok(())
}

/// `https://host`, `http://host:port`: what a browser sends as `Origin`.
fn is_origin(s: &str) -> bool {
    let Some(rest) = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    else {
        return false;
    };
    !rest.is_empty()
        && !rest.contains('/')
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
}

fn read_file(path: &Path) -> Result<File, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let parse_error = |e: toml::de::Error| ConfigError::Parse {
        path: path.to_path_buf(),
        message: e.to_string().trim_end().to_string(),
    };
    // Refuse a token before anything else: the message must say why, not "unknown field".
    let table: toml::Table = toml::from_str(&text).map_err(parse_error)?;
    if let Some(key) = token_key(&table, "") {
        return Err(ConfigError::TokenInFile {
            path: path.to_path_buf(),
            key,
        });
    }
    toml::from_str(&text).map_err(parse_error)
}

/// The dotted name of the first key that looks like a token or a secret.
fn token_key(table: &toml::Table, prefix: &str) -> Option<String> {
    table.iter().find_map(|(key, value)| {
        let name = format!("{prefix}{key}");
        let lower = key.to_ascii_lowercase();
        if ["token", "secret", "password"]
            .iter()
            .any(|w| lower.contains(w))
        {
            return Some(name);
        }
        match value {
            toml::Value::Table(inner) => token_key(inner, &format!("{name}.")),
            _ => None,
        }
    })
}

/// Splits a comma-separated list, dropping blanks.
pub fn parse_list(list: &str) -> Vec<String> {
    list.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("thb.toml");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    fn with_file(path: &Path) -> Settings {
        Settings {
            config: Some(path.to_path_buf()),
            ..Settings::default()
        }
    }

    #[test]
    fn a_flag_beats_the_file_which_beats_the_default() {
        let (_dir, path) = file(
            "[server]\naddr = \"0.0.0.0:9000\"\nmax_connections = 64\n[search]\ncache_mib = 0\n",
        );
        let mut settings = with_file(&path);
        settings.max_connections = Some(32);
        let resolved = resolve(&settings, None, None).unwrap();
        let c = &resolved.config;
        assert_eq!(c.addr.to_string(), "0.0.0.0:9000");
        assert_eq!(c.serve.max_connections, 32);
        assert_eq!(c.response_cache_mib, 0);
        assert_eq!(c.index_dir, PathBuf::from("index"));
        assert_eq!(resolved.sources["addr"], Source::File(path.clone()));
        // Without matches, a given value is reported as its environment variable.
        assert_eq!(
            resolved.sources["max_connections"],
            Source::Environment("THB_MAX_CONNECTIONS")
        );
        assert!(!resolved.sources.contains_key("index"));
    }

    #[test]
    fn an_unknown_key_is_named_with_its_line() {
        let (_dir, path) = file("[server]\naddr = \"127.0.0.1:8080\"\nmax_conections = 4\n");
        let error = resolve(&with_file(&path), None, None)
            .unwrap_err()
            .to_string();
        assert!(error.contains("thb.toml"), "{error}");
        assert!(error.contains("line 3"), "{error}");
        assert!(error.contains("max_conections"), "{error}");
    }

    #[test]
    fn a_bad_value_is_named_with_its_line() {
        let (_dir, path) = file("[server]\n\naddr = \"localhost\"\n");
        let error = resolve(&with_file(&path), None, None)
            .unwrap_err()
            .to_string();
        assert!(error.contains("line 3"), "{error}");
        assert!(error.contains("addr"), "{error}");
    }

    #[test]
    fn a_token_in_the_file_is_refused_and_not_echoed() {
        let (_dir, path) = file("[server]\nadmin_token = \"s3cret-value\"\n");
        let error = resolve(&with_file(&path), None, None)
            .unwrap_err()
            .to_string();
        assert!(error.contains("server.admin_token"), "{error}");
        assert!(error.contains("THB_ADMIN_TOKEN"), "{error}");
        assert!(!error.contains("s3cret-value"), "{error}");
    }

    #[test]
    fn tokens_are_masked_in_the_description() {
        let settings = Settings {
            admin_token: Some("alpha-secret,beta-secret".into()),
            ..Settings::default()
        };
        let resolved = resolve(&settings, None, None).unwrap();
        assert_eq!(resolved.config.admin_tokens.len(), 2);
        let text = format!("{:?}", resolved.describe());
        assert!(text.contains("2 tokens (masked)"), "{text}");
        assert!(!text.contains("alpha-secret"), "{text}");
    }

    #[test]
    fn origins_and_filters_are_checked() {
        for (origin, ok) in [
            ("https://caselaw.example.org", true),
            ("http://localhost:3000", true),
            ("*", true),
            ("caselaw.example.org", false),
            ("https://caselaw.example.org/search", false),
        ] {
            let settings = Settings {
                cors_origins: Some(origin.into()),
                ..Settings::default()
            };
            assert_eq!(resolve(&settings, None, None).is_ok(), ok, "{origin}");
        }
        let settings = Settings {
            log_level: Some("thb_caselaw=loud".into()),
            ..Settings::default()
        };
        let error = resolve(&settings, None, None).unwrap_err().to_string();
        assert!(
            error.starts_with("log_level (from environment THB_LOG)"),
            "{error}"
        );
    }

    #[test]
    fn rust_log_is_read_when_no_level_is_given() {
        let resolved = resolve(&Settings::default(), None, Some("warn".into())).unwrap();
        assert_eq!(resolved.config.log.level, "warn");
        assert_eq!(
            resolved.sources["log_level"],
            Source::Environment("RUST_LOG")
        );
    }

    #[test]
    fn the_documented_example_is_valid() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/thb-caselaw.toml");
        let resolved = resolve(&with_file(&path), None, None).unwrap();
        assert!(resolved
            .sources
            .values()
            .all(|s| matches!(s, Source::File(_))));
    }
}
