//! The limits every reader enforces before it allocates, so that a small hostile file (a sheet
//! claiming cell XFD1048576, a zip bomb, a 100 MB CSV line, a PBF blob declaring gigabytes) is
//! refused with an [`crate::ImportError::TooLarge`] instead of exhausting memory and aborting the
//! process that reads it (the server, with the GB/T 26875 gateway inside it).
//!
//! Each limit is far above what a brigade's real data needs (a county's unit register has a few
//! thousand rows and about 30 columns; the Andorra extract has 3,732 drivable ways) and low enough
//! that the worst file within all of them still fits in a few hundred MB. A refusal names its
//! stable [`code`], the limit and, when known, what the file claimed or held, so a client can
//! translate it (the README's import section lists them).
//!
//! The limits are checked against what the file *holds*, read through bounded readers, and also
//! against what it *declares* (a sheet's `<dimension ref>`, a shared-string table's `uniqueCount`,
//! a PBF blob's `datasize`) wherever a library would allocate from the declaration.

use std::io::Read;
use std::path::Path;

use crate::error::ImportError;

/// Largest CSV or .xlsx register read at all, bytes (the HTTP upload limit is lower: 32 MiB by
/// default, `server.max_upload_bytes`).
pub const MAX_TABLE_FILE_BYTES: u64 = 256 << 20;

/// Most data rows (non-empty rows, header included) of a register. A county's unit or water-source
/// register has thousands; 200,000 leaves room for a city.
pub const MAX_TABLE_ROWS: usize = 200_000;

/// Most columns of a register, and the highest column a cell may be in (column IV, Excel 2003's
/// last). A register has about 30 (`table_columns.rs`); Excel's own maximum is 16,384 (XFD).
pub const MAX_TABLE_COLUMNS: usize = 256;

/// Most cells of a register: the cells held, and the area a sheet's used range (declared or
/// actual) may span, rows × columns. 5 million cells are 200,000 rows of 25 columns; the dense
/// rows the reader builds then stay under ~200 MB.
pub const MAX_TABLE_CELLS: u64 = 5_000_000;

/// Most strings in an .xlsx shared-string table, declared (`uniqueCount`, which the Excel reader
/// reserves memory for) or held (`<si>` elements). More distinct strings than cells is never needed.
pub const MAX_SHARED_STRINGS: u64 = MAX_TABLE_CELLS;

/// Most entries in an .xlsx (zip) archive; a workbook has about ten.
pub const MAX_ZIP_ENTRIES: usize = 10_000;

/// Largest uncompressed size of one .xlsx entry, bytes, measured while decompressing (the sizes a
/// zip declares are not trusted). A 5-million-cell sheet is about 200 MB of XML.
pub const MAX_ZIP_ENTRY_BYTES: u64 = 256 << 20;

/// Largest uncompressed size of the styles and theme parts of an .xlsx, bytes: the reader turns
/// each of their items into a structure, so they are held to less than a sheet (real ones are
/// under 1 MB; Excel's own 64,000-style ceiling is about 6 MB).
pub const MAX_ZIP_STYLES_BYTES: u64 = 16 << 20;

/// Largest uncompressed size of a whole .xlsx, bytes, all entries together (zip bombs).
pub const MAX_ZIP_TOTAL_BYTES: u64 = 512 << 20;

/// Longest physical line of a CSV file, bytes. A register's row is a few hundred bytes.
pub const MAX_CSV_LINE_BYTES: usize = 1 << 20;

/// Largest GeoJSON layer read, bytes: the whole document is parsed in memory (about five times
/// its size). Cambridge's largest layer is a few MB.
pub const MAX_GEOJSON_BYTES: u64 = 512 << 20;

/// Most features in one GeoJSON layer.
pub const MAX_GEOJSON_FEATURES: usize = 2_000_000;

/// Most coordinate positions in one GeoJSON geometry; a feature with more is skipped and reported.
/// The OSM API allows 2,000 nodes per way; a detailed county boundary has tens of thousands.
pub const MAX_GEOMETRY_POSITIONS: usize = 1_000_000;

/// Largest PBF blob, bytes, declared in its header (`datasize`) or decompressed: the PBF format's
/// own limit ("the uncompressed length of a Blob *must* be less than 32 MiB").
pub const MAX_PBF_BLOB_BYTES: u64 = 32 << 20;

/// Longest single item of an OSM XML file (one tag with its attributes, or one text run), bytes,
/// uncompressed. The XML parser holds one item in memory at a time; an OSM element's tag is
/// under 1 KB (the OSM API limits a tag value to 255 characters).
pub const MAX_XML_ITEM_BYTES: u64 = 1 << 20;

/// The stable codes of [`crate::ImportError`] (`ImportError::code`), which clients translate; the
/// parameters are `limit` and, when known, `found` and `at` (where in the file).
pub mod code {
    /// The file is larger than `limit` bytes.
    pub const FILE_TOO_LARGE: &str = "file_too_large";
    /// The .xlsx archive has more than `limit` entries.
    pub const ZIP_TOO_MANY_ENTRIES: &str = "zip_too_many_entries";
    /// One .xlsx entry (`at`) decompresses to more than `limit` bytes (a zip bomb).
    pub const ZIP_ENTRY_TOO_LARGE: &str = "zip_entry_too_large";
    /// The .xlsx entries together decompress to more than `limit` bytes (a zip bomb).
    pub const ZIP_TOO_LARGE: &str = "zip_too_large";
    /// The sheet's used range (`at`, declared or actual) spans more than `limit` cells.
    pub const SHEET_TOO_LARGE: &str = "sheet_too_large";
    /// More than `limit` non-empty rows.
    pub const TOO_MANY_ROWS: &str = "too_many_rows";
    /// More than `limit` columns, or a cell (`at`) right of column `limit`.
    pub const TOO_MANY_COLUMNS: &str = "too_many_columns";
    /// More than `limit` cells.
    pub const TOO_MANY_CELLS: &str = "too_many_cells";
    /// The shared-string table declares or holds more than `limit` strings.
    pub const TOO_MANY_SHARED_STRINGS: &str = "too_many_shared_strings";
    /// A CSV line (`at`) is longer than `limit` bytes.
    pub const LINE_TOO_LONG: &str = "line_too_long";
    /// A GeoJSON layer has more than `limit` features.
    pub const TOO_MANY_FEATURES: &str = "too_many_features";
    /// A PBF blob (`at`) declares or holds more than `limit` bytes.
    pub const BLOB_TOO_LARGE: &str = "blob_too_large";
    /// An OSM XML item (`at`: the byte offset) is longer than `limit` bytes.
    pub const XML_ITEM_TOO_LARGE: &str = "xml_item_too_large";
    /// The file is in another format than the one asked for (`found`, e.g. `OSM XML`).
    pub const WRONG_FORMAT: &str = "wrong_format";
    /// The file is damaged or not in the format asked for (the reason says what).
    pub const BAD_FILE: &str = "bad_file";
    /// The mapping file is invalid.
    pub const BAD_MAPPING: &str = "bad_mapping";
    /// A required column is missing (`column`).
    pub const MISSING_COLUMN: &str = "missing_column";
    /// The file could not be read (I/O).
    pub const IO_ERROR: &str = "io_error";
    /// A spreadsheet could not be written.
    pub const EXPORT_FAILED: &str = "export_failed";
}

/// Reads a whole file, refusing one larger than `limit` bytes (checked on what is read, not only
/// on the size the file system reports, so a growing file or a device cannot exceed it).
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, ImportError> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
    let io = |e: std::io::Error| std::io::Error::new(e.kind(), format!("{}: {e}", path.display()));
    let file = std::fs::File::open(path).map_err(io)?;
    if let Ok(meta) = file.metadata()
        && meta.len() > limit
    {
        return Err(ImportError::too_large(name, code::FILE_TOO_LARGE, limit, Some(meta.len()), None));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(ImportError::too_large(name, code::FILE_TOO_LARGE, limit, None, None));
    }
    Ok(bytes)
}
