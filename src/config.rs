//! The one configuration struct, built by `main` from flags and the environment and handed
//! down explicitly: nothing reads the environment or global state behind its back.

use std::net::SocketAddr;
use std::path::PathBuf;

use crate::server::ServeOptions;

/// The default of [`Config::response_cache_mib`]: thousands of pages of results.
pub const DEFAULT_RESPONSE_CACHE_MIB: u16 = 64;

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
            serve: ServeOptions::default(),
        }
    }
}

/// Splits a comma-separated token list, dropping blanks.
pub fn parse_tokens(list: &str) -> Vec<String> {
    list.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}
