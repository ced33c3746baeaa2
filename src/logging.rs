//! The log: text for people or JSON lines for a collector (`--log-format`), at the level of
//! the settings. Every line of a request carries its request id through the request's span
//! (`app::router` opens it); no line holds a document's text, a query or a token.

use tracing_subscriber::EnvFilter;

use crate::config::{LogFormat, LogOptions};

/// Installs the process's subscriber, writing to standard error. A filter that does not parse
/// (a bad `RUST_LOG` for a command that has no settings to check it) falls back to `warn`.
pub fn init(options: &LogOptions) {
    let filter = EnvFilter::try_new(&options.level).unwrap_or_else(|_| EnvFilter::new("warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // `try_init`: a second call (a test that builds two servers in one process) keeps the first.
    let _ = match options.format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .try_init(),
    };
}
