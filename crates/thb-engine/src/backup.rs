//! Getting a collection out of an index and back: [`export`] writes every stored document in
//! the interchange format (what `ingest` reads), [`backup`] copies one commit point of the index
//! while it is served and written to, [`restore`] brings a backup back.
//!
//! A backup needs no lock and stops no writer: tantivy never changes a committed segment file
//! (a delete writes a new `.del` file named by its opstamp), and a commit replaces `meta.json`
//! atomically. So the backup reads `meta.json` once and copies exactly the files that commit
//! names. A merge or a commit between the two may delete a file the commit named; the copy
//! then finds it missing and starts again from the newer `meta.json`, a bounded number of
//! times. What lands is always one whole commit: the same documents a search saw at that
//! commit.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use tantivy::{DocAddress, DocId};

use crate::document::Access;
use crate::index::{IndexError, IndexHandle, MARKER_FILE};

const META_FILE: &str = "meta.json";
/// The list tantivy keeps of the files it manages (so its garbage collection knows them).
const MANAGED_FILE: &str = ".managed.json";
/// Tries before a backup of an index that never stops changing gives up.
const BACKUP_ATTEMPTS: usize = 20;

/// Why an export, a backup or a restore could not be made.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not an index (no meta.json)")]
    NotAnIndex { path: PathBuf },
    #[error("{path}: {message}")]
    Unreadable { path: PathBuf, message: String },
    #[error("{path}: already exists and is not empty; name a new directory")]
    NotEmpty { path: PathBuf },
    #[error("{path}: the index changed during each of {BACKUP_ATTEMPTS} attempts to copy it")]
    Busy { path: PathBuf },
    #[error(transparent)]
    Index(#[from] IndexError),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BackupError + '_ {
    move |source| BackupError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exported {
    pub documents: usize,
    /// Restricted documents left out (without `include_restricted`).
    pub restricted_left_out: usize,
}

/// Writes every live document of the index as JSON Lines in the interchange format, in index
/// order; restricted documents only with `include_restricted`. Ingesting the output into an
/// empty index gives the same documents (with the same `--allow-personal-data` as the first
/// ingest, for collections that needed it).
pub fn export(
    handle: &IndexHandle,
    out: &mut dyn Write,
    include_restricted: bool,
) -> Result<Exported, BackupError> {
    let searcher = handle.searcher();
    let mut exported = Exported {
        documents: 0,
        restricted_left_out: 0,
    };
    let write_error = |source| BackupError::Io {
        path: PathBuf::from("(export output)"),
        source,
    };
    for (ordinal, segment) in searcher.segment_readers().iter().enumerate() {
        let alive = segment.alive_bitset();
        for doc in 0..segment.max_doc() {
            if alive.is_some_and(|a| !a.is_alive(doc as DocId)) {
                continue;
            }
            let address = DocAddress::new(ordinal as u32, doc);
            let document = handle.document_at(&searcher, address, true)?;
            if document.access == Access::Restricted && !include_restricted {
                exported.restricted_left_out += 1;
                continue;
            }
            serde_json::to_writer(&mut *out, &document)
                .map_err(|e| write_error(std::io::Error::other(e)))?;
            out.write_all(b"\n").map_err(write_error)?;
            exported.documents += 1;
        }
    }
    out.flush().map_err(write_error)?;
    Ok(exported)
}

/// What a backup or a restore copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    /// Files copied, `meta.json` and the marker included.
    pub files: usize,
    pub bytes: u64,
    /// Attempts it took (more than one when the index changed during the copy).
    pub attempts: usize,
}

/// The files of `listing` that one commit point names: every file of each of its segments, and
/// of a segment's deletes only the `.del` file of the commit's opstamp. `None` when `meta` has
/// no segment list; `Some((files, false))` when the listing lacks a segment or its deletes (a
/// newer commit already removed them).
fn commit_files(meta: &serde_json::Value, listing: &[String]) -> Option<(BTreeSet<String>, bool)> {
    let mut files = BTreeSet::new();
    let mut complete = true;
    for segment in meta.get("segments")?.as_array()? {
        let id = segment.get("segment_id")?.as_str()?.replace('-', "");
        let deletes = segment
            .get("deletes")
            .and_then(|d| d.get("opstamp"))
            .and_then(|o| o.as_u64());
        let (mut segment_files, mut deletes_found) = (0, false);
        for name in listing {
            let Some(rest) = name.strip_prefix(&id).and_then(|r| r.strip_prefix('.')) else {
                continue;
            };
            let wanted = match rest.strip_suffix(".del") {
                Some(opstamp) => deletes.is_some_and(|d| opstamp == d.to_string()),
                None => !rest.contains('.'),
            };
            if wanted {
                segment_files += 1;
                deletes_found |= rest.ends_with(".del");
                files.insert(name.clone());
            }
        }
        complete &= segment_files > 0 && (deletes.is_none() || deletes_found);
    }
    Some((files, complete))
}

fn file_names(dir: &Path) -> Result<Vec<String>, BackupError> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let entry = entry.map_err(io(dir))?;
        if let Some(name) = entry.file_name().to_str() {
            names.push(name.to_string());
        }
    }
    Ok(names)
}

/// Makes `dir` an empty directory, refusing one that holds anything.
fn empty_directory(dir: &Path) -> Result<(), BackupError> {
    if dir.exists() {
        if std::fs::read_dir(dir).map_err(io(dir))?.next().is_some() {
            return Err(BackupError::NotEmpty {
                path: dir.to_path_buf(),
            });
        }
        return Ok(());
    }
    std::fs::create_dir_all(dir).map_err(io(dir))
}

/// Copies one commit point of the index in `from` into `to` (a new or empty directory); see
/// the module doc for why it is consistent while the index is served and written to.
fn copy_commit(from: &Path, to: &Path) -> Result<Copied, BackupError> {
    empty_directory(to)?;
    let meta_path = from.join(META_FILE);
    if !meta_path.is_file() {
        return Err(BackupError::NotAnIndex {
            path: from.to_path_buf(),
        });
    }
    for attempt in 1..=BACKUP_ATTEMPTS {
        let meta_bytes = std::fs::read(&meta_path).map_err(io(&meta_path))?;
        let meta: serde_json::Value =
            serde_json::from_slice(&meta_bytes).map_err(|e| BackupError::Unreadable {
                path: meta_path.clone(),
                message: e.to_string(),
            })?;
        let (files, mut complete) =
            commit_files(&meta, &file_names(from)?).ok_or_else(|| BackupError::Unreadable {
                path: meta_path.clone(),
                message: "no segment list in it".into(),
            })?;
        let mut copied = Copied {
            files: 0,
            bytes: 0,
            attempts: attempt,
        };
        for name in &files {
            if !complete {
                break;
            }
            match std::fs::copy(from.join(name), to.join(name)) {
                Ok(bytes) => {
                    copied.files += 1;
                    copied.bytes += bytes;
                }
                // A merge or a newer commit removed it: this commit is gone, take the next.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => complete = false,
                Err(e) => return Err(io(&from.join(name))(e)),
            }
        }
        if !complete {
            for name in file_names(to)? {
                std::fs::remove_file(to.join(&name)).map_err(io(&to.join(&name)))?;
            }
            continue;
        }
        // The marker (format version, corpus fingerprint), then the commit itself last, so
        // that a copy cut short is never mistaken for an index.
        let marker = from.join(MARKER_FILE);
        if marker.is_file() {
            copied.bytes += std::fs::copy(&marker, to.join(MARKER_FILE)).map_err(io(&marker))?;
            copied.files += 1;
        }
        let mut managed: Vec<&str> = files.iter().map(String::as_str).collect();
        managed.push(META_FILE);
        let managed = serde_json::to_vec(&managed).expect("a list of names serialises");
        std::fs::write(to.join(MANAGED_FILE), managed).map_err(io(&to.join(MANAGED_FILE)))?;
        std::fs::write(to.join(META_FILE), &meta_bytes).map_err(io(&to.join(META_FILE)))?;
        copied.files += 1;
        copied.bytes += meta_bytes.len() as u64;
        return Ok(copied);
    }
    Err(BackupError::Busy {
        path: from.to_path_buf(),
    })
}

/// Backs the index in `index_dir` up into `to` (a new or empty directory), while it is served
/// and written to.
pub fn backup(index_dir: &Path, to: &Path) -> Result<Copied, BackupError> {
    copy_commit(index_dir, to)
}

/// Restores the backup in `from` into `index_dir` (a new or empty directory: a restore never
/// overwrites an index), and checks that it opens.
pub fn restore(from: &Path, index_dir: &Path) -> Result<Copied, BackupError> {
    let copied = copy_commit(from, index_dir)?;
    IndexHandle::open(index_dir)?;
    Ok(copied)
}

#[cfg(test)]
mod tests {
    use super::commit_files;

    #[test]
    fn a_commit_names_its_segments_files_and_its_own_deletes() {
        let meta = serde_json::json!({"segments": [
            {"segment_id": "21801416-c44d-4d75-bc9f-22d1cb8a447e", "max_doc": 26, "deletes": null},
            {"segment_id": "8c30ac32-e9c1-4616-8511-0be2745ededc", "max_doc": 23,
             "deletes": {"num_deleted_docs": 1, "opstamp": 7}}
        ]});
        let listing: Vec<String> = [
            "21801416c44d4d75bc9f22d1cb8a447e.idx",
            "21801416c44d4d75bc9f22d1cb8a447e.store",
            "8c30ac32e9c1461685110be2745ededc.term",
            "8c30ac32e9c1461685110be2745ededc.5.del",
            "8c30ac32e9c1461685110be2745ededc.7.del",
            "ffffffffffffffffffffffffffffffff.idx",
            "meta.json",
            ".managed.json",
        ]
        .map(String::from)
        .to_vec();
        let (files, complete) = commit_files(&meta, &listing).unwrap();
        assert!(complete);
        let files: Vec<String> = files.into_iter().collect();
        assert_eq!(
            files,
            [
                "21801416c44d4d75bc9f22d1cb8a447e.idx",
                "21801416c44d4d75bc9f22d1cb8a447e.store",
                "8c30ac32e9c1461685110be2745ededc.7.del",
                "8c30ac32e9c1461685110be2745ededc.term",
            ]
        );
        assert!(commit_files(&serde_json::json!({}), &listing).is_none());
        // A newer commit replaced the deletes: this commit cannot be copied whole.
        let without_deletes: Vec<String> = listing
            .iter()
            .filter(|n| !n.ends_with(".7.del"))
            .cloned()
            .collect();
        assert!(!commit_files(&meta, &without_deletes).unwrap().1);
    }
}
