//! The fonts a PDF embeds for the characters the standard fonts lack (Chinese, `≤`, `→`...):
//! found among the files the user names (`--font`) and then the system's fonts (fontconfig's
//! folders, through fontdb), and embedded as subsets holding only the glyphs a deck uses.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::PathBuf;

/// The fonts to look in, in order of preference: the user's, then the system's monospaced
/// faces (the slides are a grid), then the rest.
pub struct FontBook {
    db: fontdb::Database,
    order: Vec<fontdb::ID>,
}

impl FontBook {
    /// The faces of `extra` (font files, or folders searched recursively), and the system's
    /// when `system` is set. A path that is missing or holds no font is an error.
    pub fn new(extra: &[PathBuf], system: bool) -> Result<Self, String> {
        let mut db = fontdb::Database::new();
        for path in extra {
            let before = db.len();
            if path.is_dir() {
                db.load_fonts_dir(path);
            } else {
                db.load_font_file(path).map_err(|e| format!("{}: cannot read the font: {e}", path.display()))?;
            }
            if db.len() == before {
                return Err(format!("{}: no font found there (.ttf, .otf, .ttc, .otc)", path.display()));
            }
        }
        let mut order: Vec<fontdb::ID> = db.faces().map(|face| face.id).collect();
        if system {
            let user = order.len();
            db.load_system_fonts();
            let mut system: Vec<&fontdb::FaceInfo> = db.faces().skip(user).collect();
            system.sort_by_cached_key(|face| preference(face));
            order.extend(system.iter().map(|face| face.id));
        }
        Ok(Self { db, order })
    }

    /// Which face shows each character: the first in order that has a glyph for it. An error
    /// names the characters no face has.
    pub fn assign(&self, chars: &BTreeSet<char>) -> Result<Vec<(fontdb::ID, Vec<char>)>, String> {
        let mut left: BTreeSet<char> = chars.clone();
        let mut assigned = Vec::new();
        for &id in &self.order {
            if left.is_empty() {
                break;
            }
            let found: Vec<char> = self
                .db
                .with_face_data(id, |data, index| {
                    ttf_parser::Face::parse(data, index).map_or_else(
                        |_| Vec::new(),
                        |face| {
                            left.iter().copied().filter(|&c| face.glyph_index(c).is_some_and(|g| g.0 != 0)).collect()
                        },
                    )
                })
                .unwrap_or_default();
            if !found.is_empty() {
                for c in &found {
                    left.remove(c);
                }
                assigned.push((id, found));
            }
        }
        if left.is_empty() {
            return Ok(assigned);
        }
        let mut names = String::new();
        for (i, c) in left.iter().enumerate() {
            if i == 12 {
                let _ = write!(names, " and {} more", left.len() - 12);
                break;
            }
            let _ = write!(names, "{}{c} (U+{:04X})", if i == 0 { "" } else { ", " }, u32::from(*c));
        }
        Err(format!(
            "no font has {names}; install one that does (for Chinese, Japanese or Korean: Noto Sans CJK, \
             Debian's fonts-noto-cjk) or name a font file with --font FILE"
        ))
    }

    /// The subset of face `id` holding the glyphs of `chars`, ready to embed.
    pub fn embed(&self, id: fontdb::ID, chars: &[char]) -> Result<Embedded, String> {
        self.db
            .with_face_data(id, |data, index| embed(data, index, chars))
            .unwrap_or_else(|| Err("a font file went away while the PDF was written".into()))
    }
}

/// How much a system face is preferred, least first: regular upright faces, monospaced ones
/// (the slides are a grid), and among the CJK families the Simplified Chinese forms, then the
/// Traditional, Japanese and Korean ones; then by name, so the choice is the same every run.
fn preference(face: &fontdb::FaceInfo) -> (u16, bool, bool, usize, String) {
    let name = face.post_script_name.to_ascii_lowercase();
    let region = ["cjksc", "cjktc", "cjkhk", "cjkjp", "cjkkr"].iter().position(|r| name.contains(r)).unwrap_or(5);
    (
        face.weight.0.abs_diff(400),
        face.style != fontdb::Style::Normal,
        !face.monospaced,
        region,
        face.post_script_name.clone(),
    )
}

/// A font subset and what the PDF says about it.
pub struct Embedded {
    /// The PostScript name, with a subset tag (`ABCDEF+NotoSansMonoCJKsc-Regular`).
    pub name: String,
    /// The font program: a CFF table (for OpenType fonts with PostScript outlines) or a whole
    /// TrueType font.
    pub program: Vec<u8>,
    pub cff: bool,
    /// Each character's glyph in the subset, which is its CID.
    pub cids: BTreeMap<char, u16>,
    /// Each CID's advance, in thousandths of an em: its character's cells.
    pub widths: BTreeMap<u16, f32>,
    /// Bounding box, ascent, descent, cap height, in thousandths of an em.
    pub bbox: [f32; 4],
    pub ascent: f32,
    pub descent: f32,
    pub cap_height: f32,
    pub italic_angle: f32,
}

fn embed(data: &[u8], index: u32, chars: &[char]) -> Result<Embedded, String> {
    let face = ttf_parser::Face::parse(data, index).map_err(|e| format!("a font cannot be read: {e}"))?;
    let scale = 1000.0 / f32::from(face.units_per_em().max(1));
    let mut remapper = subsetter::GlyphRemapper::new();
    let mut cids = BTreeMap::new();
    let mut widths = BTreeMap::new();
    for &c in chars {
        let Some(glyph) = face.glyph_index(c) else { continue };
        let cid = remapper.remap(glyph.0);
        cids.insert(c, cid);
        // The advance a grid gives the character (600 a cell, Courier's), not the glyph's own:
        // text then runs cell to cell with no adjustments between glyphs, which a PDF reader
        // would take for spaces (a CJK glyph's 1 em is less than its two cells' 1.2 em).
        let cells = unicode_width::UnicodeWidthChar::width(c).unwrap_or(1).clamp(1, 2);
        widths.insert(cid, 600.0 * cells as f32);
    }
    let subset = subsetter::subset(data, index, &remapper).map_err(|e| format!("a font cannot be subset: {e}"))?;
    let cff_table = ttf_parser::RawFace::parse(&subset, 0)
        .ok()
        .and_then(|raw| raw.table(ttf_parser::Tag::from_bytes(b"CFF ")))
        .map(<[u8]>::to_vec);
    let cff = cff_table.is_some();
    let program = cff_table.unwrap_or(subset);
    let postscript = face
        .names()
        .into_iter()
        .filter(|name| name.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|name| name.to_string())
        .unwrap_or_else(|| "Embedded".into());
    let clean: String = postscript.chars().filter(char::is_ascii_alphanumeric).collect();
    let bbox = face.global_bounding_box();
    Ok(Embedded {
        name: format!("{}+{clean}", subset_tag(chars)),
        program,
        cff,
        cids,
        widths,
        bbox: [
            f32::from(bbox.x_min) * scale,
            f32::from(bbox.y_min) * scale,
            f32::from(bbox.x_max) * scale,
            f32::from(bbox.y_max) * scale,
        ],
        ascent: f32::from(face.ascender()) * scale,
        descent: f32::from(face.descender()) * scale,
        cap_height: f32::from(face.capital_height().unwrap_or(face.ascender())) * scale,
        italic_angle: face.italic_angle(),
    })
}

/// Six capital letters derived from the glyphs kept, as PDF wants for a subset's name.
fn subset_tag(chars: &[char]) -> String {
    let mut hash: u32 = 2_166_136_261;
    for &c in chars {
        hash = (hash ^ u32::from(c)).wrapping_mul(16_777_619);
    }
    (0..6).map(|i| char::from(b'A' + u8::try_from((hash >> (i * 5)) % 26).unwrap_or(0))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_fonts_the_missing_characters_are_named() {
        let book = FontBook::new(&[], false).unwrap();
        let error = book.assign(&['中', '≤'].into_iter().collect()).unwrap_err();
        assert!(error.contains("中 (U+4E2D)") && error.contains("≤ (U+2264)"), "{error}");
        assert!(error.contains("--font"), "{error}");
    }

    #[test]
    fn a_named_font_file_is_used_first_and_subset() {
        let font = PathBuf::from("tests/fixtures/fonts/NotoSansMonoCJKsc-subset.otf");
        let book = FontBook::new(std::slice::from_ref(&font), false).unwrap();
        let assigned = book.assign(&['中', '国'].into_iter().collect()).unwrap();
        assert_eq!(assigned.len(), 1);
        let embedded = book.embed(assigned[0].0, &assigned[0].1).unwrap();
        assert!(embedded.cff, "Noto CJK has PostScript outlines");
        assert_eq!(embedded.cids.len(), 2);
        assert!(embedded.program.len() < 20_000, "{} bytes", embedded.program.len());
        assert!(embedded.name.ends_with("+NotoSansMonoCJKscRegular"), "{}", embedded.name);
    }

    #[test]
    fn a_missing_font_path_is_an_error() {
        let error = FontBook::new(&[PathBuf::from("no/such.ttf")], false).err().unwrap();
        assert!(error.contains("no/such.ttf"), "{error}");
    }
}
