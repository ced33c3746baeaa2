//! The Serbo-Croatian digraph `dj` → `d`, the last search fold.
//!
//! Where `đ` cannot be typed, Serbian, Croatian, Bosnian and Montenegrin write `dj`
//! (`Djordjevic`, `Djakovica`); international documents and some courts' databases write
//! `d` (`Dordevic`). The diacritic fold already makes `đ` and `ђ` into `d`; dropping a `j`
//! after a `d` makes `dj` meet them. It runs last, on ASCII, so that a `d` from any script
//! (`ђ`, `đ`, `Đ`, Cyrillic `д` + `ј`) is treated the same way.
//!
//! Every `j` right after a `d` *in the output* is dropped, so the result never contains
//! `dj` and the fold is idempotent. It also fires where `dj` is `d` + `j` across a
//! morpheme (`podjela` → `podela`, `odjel` → `odel`: the ekavian spellings, a happy merge;
//! `djeca` → `deca` likewise), in English `adj-` (`adjust` → `adust`) and in Albanian
//! `djalë` → `dale`. Documents and queries are folded alike, so these merge only words
//! that differ by that `j`, which we accept.

use super::CharFold;

/// Drops every `j` that follows a `d`.
pub(crate) struct DjDigraph;

impl CharFold for DjDigraph {
    fn applies(&self, text: &str) -> bool {
        text.as_bytes().windows(2).any(|pair| pair == b"dj")
    }

    fn fold(&self, text: &str, out: &mut String) {
        let mut previous = '\0';
        for c in text.chars() {
            if c == 'j' && previous == 'd' {
                continue;
            }
            out.push(c);
            previous = c;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let rows = [
            ("djordjevic", "dordevic"),
            ("djakovica", "dakovica"),
            ("djeca", "deca"),
            ("podjela", "podela"),
            ("ddjj", "dd"),
            ("dz", "dz"),
            ("jd", "jd"),
        ];
        crate::normalize::assert_fold_rows(&DjDigraph, &rows);
    }
}
