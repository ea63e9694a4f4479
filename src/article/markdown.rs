//! Markdown → blocks, with pulldown-cmark doing the parsing.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::table::Draft;
use super::{Block, BlockKind, Run, RunStyle};

/// Parses sanitised Markdown into blocks, tables (GitHub's pipe tables) included. Unsupported
/// constructs (HTML, footnotes) degrade to their text, never to nothing.
pub fn parse(text: &str) -> Vec<Block> {
    let mut builder = Builder::default();
    for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
        builder.event(event);
    }
    builder.finish_block();
    builder.blocks
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    /// The block being filled, if any.
    current: Option<Block>,
    style: RunStyle,
    /// One entry per open list: the next number for ordered lists.
    lists: Vec<Option<u64>>,
    quote_depth: usize,
    /// The URL of the link being read, shown after its text when it differs from it.
    link: Option<(String, usize)>,
    /// The table being read, if any: its block is `current`.
    table: Option<Draft>,
    /// The next text starts a run of its own (a table cell's first), even in the same style.
    fresh: bool,
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.push(&text, self.style),
            Event::Code(text) => self.push(&text, RunStyle { code: true, ..self.style }),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.push(&text, self.style),
            Event::Html(text) | Event::InlineHtml(text) => self.push(text.trim_end(), self.style),
            Event::SoftBreak => self.push(" ", self.style),
            Event::HardBreak => self.push("\n", self.style),
            Event::Rule => {
                self.finish_block();
                self.blocks.push(Block { kind: BlockKind::Rule, runs: Vec::new() });
            }
            Event::FootnoteReference(name) => self.push(&format!("[{name}]"), self.style),
            Event::TaskListMarker(done) => {
                self.push(if done { "[x] " } else { "[ ] " }, self.style);
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => self.begin(BlockKind::Heading(heading_level(level))),
            Tag::Paragraph => {
                if self.current.is_none() {
                    let kind = if self.quote_depth > 0 { BlockKind::Quote } else { BlockKind::Paragraph };
                    self.begin(kind);
                } else {
                    // A second paragraph in a list item continues the item.
                    self.push(" ", self.style);
                }
            }
            Tag::CodeBlock(_) => self.begin(BlockKind::Code),
            Tag::BlockQuote(_) => {
                self.finish_block();
                self.quote_depth += 1;
            }
            Tag::List(first) => {
                self.finish_block();
                self.lists.push(first);
            }
            Tag::Item => {
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let marker = format!("{n}.");
                        *n += 1;
                        marker
                    }
                    _ => "•".to_owned(),
                };
                self.begin(BlockKind::ListItem { depth, marker });
            }
            Tag::Emphasis => self.style.emphasis = true,
            Tag::Strong => self.style.strong = true,
            Tag::Link { dest_url, .. } => {
                let start = self.current.as_ref().map_or(0, |b| b.runs.len());
                self.link = Some((dest_url.to_string(), start));
                self.style.link = true;
            }
            Tag::Image { .. } => self.push("[image: ", RunStyle { marker: true, ..self.style }),
            Tag::Table(aligns) => {
                self.begin(BlockKind::Paragraph);
                self.table = Some(Draft::new(&aligns));
            }
            Tag::TableHead => self.table.iter_mut().for_each(|t| t.head = true),
            Tag::TableCell => {
                if let (Some(table), Some(block)) = (self.table.as_mut(), self.current.as_mut()) {
                    table.start_cell(&mut block.runs);
                    self.fresh = true;
                }
            }
            Tag::TableRow => {}
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Item => self.finish_block(),
            // A paragraph inside a list item ends with the item, not before.
            TagEnd::Paragraph if !self.in_list_item() => self.finish_block(),
            TagEnd::BlockQuote(_) => {
                self.finish_block();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.finish_block();
                self.lists.pop();
            }
            TagEnd::Emphasis => self.style.emphasis = false,
            TagEnd::Strong => self.style.strong = false,
            TagEnd::Link => {
                self.style.link = false;
                if let Some((url, start)) = self.link.take() {
                    let text: String = self.current.as_ref().map_or_else(String::new, |b| {
                        b.runs[start.min(b.runs.len())..].iter().map(|r| r.text.as_str()).collect()
                    });
                    if !url.is_empty() && text.trim() != url.trim() {
                        self.push(&format!(" <{url}>"), RunStyle { marker: true, ..RunStyle::default() });
                    }
                }
            }
            TagEnd::Image => self.push("]", RunStyle { marker: true, ..self.style }),
            TagEnd::TableCell => {
                if let (Some(table), Some(block)) = (self.table.as_mut(), self.current.as_ref()) {
                    table.end_cell(block.runs.len());
                }
            }
            TagEnd::TableHead => {
                if let Some(table) = self.table.as_mut() {
                    table.end_row();
                    table.head = false;
                }
            }
            TagEnd::TableRow => self.table.iter_mut().for_each(Draft::end_row),
            TagEnd::Table => {
                if let (Some(table), Some(mut block)) = (self.table.take(), self.current.take()) {
                    block.kind = BlockKind::Table(Box::new(table.finish(&block.runs)));
                    self.blocks.push(block);
                }
            }
            _ => {}
        }
    }

    fn in_list_item(&self) -> bool {
        matches!(self.current.as_ref().map(|b| &b.kind), Some(BlockKind::ListItem { .. }))
    }

    fn begin(&mut self, kind: BlockKind) {
        self.finish_block();
        self.current = Some(Block { kind, runs: Vec::new() });
    }

    fn finish_block(&mut self) {
        if let Some(mut block) = self.current.take() {
            if block.kind == BlockKind::Code {
                // The code block's final newline would wrap into an empty last line.
                if let Some(last) = block.runs.last_mut() {
                    while last.text.ends_with('\n') {
                        last.text.pop();
                    }
                }
            }
            self.blocks.push(block);
        }
    }

    /// Appends text to the current block, opening a paragraph for stray inline text.
    fn push(&mut self, text: &str, style: RunStyle) {
        if text.is_empty() {
            return;
        }
        let (text, style) = match &self.table {
            // A cell is one line of text; the header's is strong.
            Some(table) => (text.replace('\n', " ").into(), RunStyle { strong: style.strong || table.head, ..style }),
            None => (std::borrow::Cow::Borrowed(text), style),
        };
        let block = self.current.get_or_insert_with(|| Block { kind: BlockKind::Paragraph, runs: Vec::new() });
        match block.runs.last_mut() {
            Some(last) if last.style == style && !self.fresh => last.text.push_str(&text),
            _ => block.runs.push(Run { text: text.into_owned(), style }),
        }
        self.fresh = false;
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}
