//! The error of a file that cannot be read (or written) at all. A single bad feature or row is not
//! an error: it is skipped and listed in the [`crate::ImportReport`].
//!
//! Every error has a stable code ([`ImportError::code`], the list in [`crate::limits::code`]) and
//! its parameters, so a caller can hand it on as a [`FieldError`] ([`ImportError::field_error`]).

use huoyan_domain::FieldError;

use crate::limits::code;

/// Why a whole file was refused.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be opened or read.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// The file is not in the expected format (not a PBF, not JSON, not an xlsx, empty …).
    #[error("{file} is not readable: {reason}")]
    Format {
        /// The file or kind of file, e.g. `andorra.osm.pbf`, `GeoJSON`, `xlsx`.
        file: String,
        /// What is wrong, with the position when known (`line 3 column 7`, `blob 12`).
        reason: String,
    },
    /// The file is in another format than the one asked for, e.g. OSM XML given as a PBF, or a
    /// spreadsheet given as OpenStreetMap data.
    #[error("{file}: 格式不符 (wrong format)：实际是 {found}，需要 {expected}{hint}")]
    WrongFormat {
        /// The file.
        file: String,
        /// What the file's bytes show it is (`OSM XML`, `gzip-compressed OSM XML`, `ZIP (.xlsx …)`).
        found: String,
        /// What was asked for.
        expected: String,
        /// What to do instead, starting with `: ` (or empty).
        hint: String,
    },
    /// The file claims or holds more than a limit allows ([`crate::limits`]); refused before it is
    /// expanded in memory.
    #[error("{}", too_large_message(.file, .code, *.limit, *.found, .at.as_deref()))]
    TooLarge {
        /// The file or kind of file.
        file: String,
        /// The limit's stable code ([`crate::limits::code`], e.g. `sheet_too_large`).
        code: &'static str,
        /// The limit (bytes, rows, cells … as the code says).
        limit: u64,
        /// What the file declared or held, when known (reading may stop at the limit).
        found: Option<u64>,
        /// Where: a cell range, a zip entry, `第12行`, `blob 3`.
        at: Option<String>,
    },
    /// A mapping file is invalid: unknown layer or field, bad option, property not in the data.
    #[error("mapping error: {0}")]
    Mapping(String),
    /// A required column is missing from a table.
    #[error("缺少必需列「{column}」(missing required column {column}); columns found: {found}")]
    MissingColumn {
        /// The column's Chinese header.
        column: String,
        /// The headers that were found, comma separated.
        found: String,
    },
    /// Writing a spreadsheet failed.
    #[error("cannot write xlsx: {0}")]
    Export(String),
}

impl ImportError {
    /// A [`ImportError::Format`] error.
    pub(crate) fn format(file: impl Into<String>, reason: impl Into<String>) -> ImportError {
        ImportError::Format { file: file.into(), reason: reason.into() }
    }

    /// A [`ImportError::TooLarge`] error.
    pub(crate) fn too_large(
        file: impl Into<String>,
        code: &'static str,
        limit: u64,
        found: Option<u64>,
        at: Option<String>,
    ) -> ImportError {
        ImportError::TooLarge { file: file.into(), code, limit, found, at }
    }

    /// The stable code of this error ([`crate::limits::code`]).
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Io(_) => code::IO_ERROR,
            ImportError::Format { .. } => code::BAD_FILE,
            ImportError::WrongFormat { .. } => code::WRONG_FORMAT,
            ImportError::TooLarge { code, .. } => code,
            ImportError::Mapping(_) => code::BAD_MAPPING,
            ImportError::MissingColumn { .. } => code::MISSING_COLUMN,
            ImportError::Export(_) => code::EXPORT_FAILED,
        }
    }

    /// The error as a [`FieldError`] on `field` (e.g. `file`): its code, the message as the reason,
    /// and the parameters (`limit`, `found`, `at`; `found`/`expected`; `column`).
    pub fn field_error(&self, field: &str) -> FieldError {
        let e = FieldError::new(field, self.code(), self.to_string());
        match self {
            ImportError::TooLarge { limit, found, at, .. } => {
                let mut e = e.with("limit", *limit);
                if let Some(found) = found {
                    e = e.with("found", *found);
                }
                if let Some(at) = at {
                    e = e.with("at", at.clone());
                }
                e
            }
            ImportError::WrongFormat { found, expected, .. } => {
                e.with("found", found.clone()).with("expected", expected.clone())
            }
            ImportError::MissingColumn { column, .. } => e.with("column", column.clone()),
            _ => e,
        }
    }
}

/// What each limit code means, in Chinese and English.
fn limit_words(code: &str) -> (&'static str, &'static str) {
    match code {
        code::FILE_TOO_LARGE => ("文件过大", "file too large, bytes"),
        code::ZIP_TOO_MANY_ENTRIES => ("压缩包内文件过多", "too many entries in the archive"),
        code::ZIP_ENTRY_TOO_LARGE => ("压缩包内文件解压后过大", "archive entry too large when decompressed, bytes"),
        code::ZIP_TOO_LARGE => ("压缩包解压后过大", "archive too large when decompressed, bytes"),
        code::SHEET_TOO_LARGE => ("工作表范围过大", "sheet range too large, cells"),
        code::TOO_MANY_ROWS => ("行数过多", "too many rows"),
        code::TOO_MANY_COLUMNS => ("列数过多", "too many columns"),
        code::TOO_MANY_CELLS => ("单元格过多", "too many cells"),
        code::TOO_MANY_SHARED_STRINGS => ("共享字符串过多", "too many shared strings"),
        code::LINE_TOO_LONG => ("行过长", "line too long, bytes"),
        code::TOO_MANY_FEATURES => ("要素过多", "too many features"),
        code::BLOB_TOO_LARGE => ("数据块过大", "PBF blob too large, bytes"),
        code::XML_ITEM_TOO_LARGE => ("XML 元素过长", "XML item too long, bytes"),
        _ => ("超出限制", "over a limit"),
    }
}

fn too_large_message(file: &str, code: &str, limit: u64, found: Option<u64>, at: Option<&str>) -> String {
    let (zh, en) = limit_words(code);
    let at = at.map(|a| format!(" [{a}]")).unwrap_or_default();
    match found {
        Some(found) => format!("{file}: {zh}：{found}，上限 {limit} ({en}: {found}, limit {limit}){at}"),
        None => format!("{file}: {zh}：超过上限 {limit} ({en}: more than the limit of {limit}){at}"),
    }
}
