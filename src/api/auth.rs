//! Who is asking: bearer tokens from the configuration, compared in constant time and never
//! logged. No token is the public view; a wrong token is a 401, never a silent public view.

use axum::http::{header, HeaderMap, StatusCode};
use subtle::ConstantTimeEq;

use super::ApiError;
use crate::config::Config;

/// The access level of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Public,
    Reader,
    Admin,
}

impl Access {
    /// Readers and admins see restricted documents.
    pub fn can_read_restricted(self) -> bool {
        matches!(self, Access::Reader | Access::Admin)
    }
}

fn matches_any(token: &[u8], tokens: &[String]) -> bool {
    // Compare against every token, without stopping early, so timing says nothing about
    // which (or whether one) matched.
    tokens.iter().fold(0u8, |found, t| {
        found | t.as_bytes().ct_eq(token).unwrap_u8()
    }) == 1
}

/// The access level of a request's `Authorization: Bearer …` header.
pub fn access(headers: &HeaderMap, config: &Config) -> Result<Access, ApiError> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(Access::Public);
    };
    let unauthorized = || {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "the Authorization header does not carry a valid `Bearer` token",
        )
    };
    let token = value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(unauthorized)?;
    if matches_any(token.as_bytes(), &config.admin_tokens) {
        Ok(Access::Admin)
    } else if matches_any(token.as_bytes(), &config.reader_tokens) {
        Ok(Access::Reader)
    } else {
        Err(unauthorized())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config {
            admin_tokens: vec!["admin-secret".into()],
            reader_tokens: vec!["reader-1".into(), "reader-2".into()],
            ..Config::default()
        }
    }

    fn with_auth(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::AUTHORIZATION, value.parse().unwrap());
        h
    }

    #[test]
    fn tokens_map_to_access_levels() {
        let c = config();
        assert_eq!(access(&HeaderMap::new(), &c).unwrap(), Access::Public);
        assert_eq!(
            access(&with_auth("Bearer reader-2"), &c).unwrap(),
            Access::Reader
        );
        assert_eq!(
            access(&with_auth("Bearer admin-secret"), &c).unwrap(),
            Access::Admin
        );
        assert_eq!(
            access(&with_auth("Bearer reader-3"), &c)
                .unwrap_err()
                .status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            access(&with_auth("Basic abc"), &c).unwrap_err().status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            access(&with_auth("Bearer admin-secre"), &c)
                .unwrap_err()
                .status,
            StatusCode::UNAUTHORIZED
        );
    }
}
