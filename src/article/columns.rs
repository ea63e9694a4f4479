//! How wide each column of a Markdown table is drawn: a pure function of the columns' natural
//! widths (their widest cell), their longest words and the room the pane leaves for text.

/// A column never shrinks below this many cells (or its natural width, if narrower): two
/// ideographs, a short word.
pub const LEAST: usize = 4;

/// A column keeps room for its longest word (so words are not cut), up to this many cells: a
/// longer word (a URL) is cut rather than keep the table off a narrow pane.
pub const WORD_CAP: usize = 12;

/// The least width of a column of `natural` width whose longest word is `word` wide.
pub fn least_width(natural: usize, word: usize) -> usize {
    natural.max(1).min(word.clamp(LEAST, WORD_CAP))
}

/// The widths to draw columns of `natural` widths (display columns of each column's widest cell)
/// and `words` (of each column's longest unbreakable word) in `room` columns of text (the
/// pane's width without the table's rules and padding).
///
/// Every column gets its natural width when they all fit. Otherwise each shrinks in proportion to
/// its natural width, but none below its [`least_width`], and the cells wrap within it. `None`
/// when even those least widths do not fit: the table is then drawn as one `Header: value` line
/// per cell. The widths sum to at most `room`, and each is at least 1 and at most its natural
/// width (or 1).
pub fn column_widths(natural: &[usize], words: &[usize], room: usize) -> Option<Vec<usize>> {
    let natural: Vec<usize> = natural.iter().map(|&n| n.max(1)).collect();
    let total: usize = natural.iter().sum();
    if total <= room {
        return Some(natural);
    }
    let floors: Vec<usize> =
        natural.iter().enumerate().map(|(i, &n)| least_width(n, words.get(i).copied().unwrap_or(0))).collect();
    if floors.iter().sum::<usize>() > room {
        return None;
    }
    // Columns whose proportional share would fall below their floor are held at the floor; the
    // rest share what is left in proportion, until no share falls below its floor.
    let mut held = vec![false; natural.len()];
    loop {
        let held_room: usize = (0..natural.len()).filter(|&i| held[i]).map(|i| floors[i]).sum();
        let free_room = room - held_room;
        let free_natural: usize = (0..natural.len()).filter(|&i| !held[i]).map(|i| natural[i]).sum();
        let short: Vec<usize> =
            (0..natural.len()).filter(|&i| !held[i] && natural[i] * free_room < floors[i] * free_natural).collect();
        if !short.is_empty() {
            short.into_iter().for_each(|i| held[i] = true);
            continue;
        }
        let mut widths: Vec<usize> = (0..natural.len())
            .map(|i| if held[i] { floors[i] } else { (natural[i] * free_room / free_natural.max(1)).min(natural[i]) })
            .collect();
        // Rounding down left a few cells over: to the free columns cut the most, one each.
        let mut spare = room.saturating_sub(widths.iter().sum());
        let mut order: Vec<usize> = (0..natural.len()).filter(|&i| !held[i]).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(natural[i] - widths[i]));
        for &i in order.iter().cycle().take(order.len() * 2) {
            if spare == 0 {
                break;
            }
            if widths[i] < natural[i] {
                widths[i] += 1;
                spare -= 1;
            }
        }
        return Some(widths);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn columns_that_fit_keep_their_natural_widths() {
        assert_eq!(column_widths(&[4, 10, 3], &[4, 5, 3], 30), Some(vec![4, 10, 3]));
        assert_eq!(column_widths(&[4, 10, 3], &[4, 5, 3], 17), Some(vec![4, 10, 3]));
        assert_eq!(column_widths(&[0, 2], &[0, 2], 5), Some(vec![1, 2]), "an empty column still takes a cell");
    }

    #[test]
    fn wide_columns_shrink_in_proportion_and_use_the_room() {
        assert_eq!(column_widths(&[20, 40], &[5, 5], 30), Some(vec![10, 20]));
        let widths = column_widths(&[33, 33, 34], &[5, 5, 5], 50).unwrap();
        assert_eq!(widths.iter().sum::<usize>(), 50);
        assert!(widths.iter().all(|&w| (16..=17).contains(&w)), "{widths:?}");
    }

    #[test]
    fn a_column_keeps_room_for_its_longest_word_and_the_wide_one_gives() {
        // In proportion the first would get 2 cells; it keeps 4, its longest word.
        assert_eq!(column_widths(&[4, 60], &[4, 8], 30), Some(vec![4, 26]));
        assert_eq!(column_widths(&[10, 60], &[7, 8], 30), Some(vec![7, 23]));
        // A word longer than WORD_CAP is cut; a column of short words shrinks to LEAST.
        assert_eq!(column_widths(&[40, 40], &[30, 1], 20), Some(vec![WORD_CAP, 8]));
        assert_eq!(column_widths(&[40, 40], &[1, 1], 8), Some(vec![LEAST, LEAST]));
    }

    #[test]
    fn when_even_the_least_widths_do_not_fit_there_is_no_grid() {
        assert_eq!(column_widths(&[10; 5], &[6; 5], 29), None);
        assert!(column_widths(&[10; 5], &[6; 5], 30).is_some());
        assert_eq!(column_widths(&[3], &[3], 0), None);
    }

    proptest! {
        #[test]
        fn widths_never_exceed_the_room_and_no_column_is_empty(
            columns in proptest::collection::vec((0usize..200, 0usize..40), 1..12),
            room in 0usize..400,
        ) {
            let natural: Vec<usize> = columns.iter().map(|c| c.0).collect();
            let words: Vec<usize> = columns.iter().map(|c| c.1.min(c.0)).collect();
            let least: Vec<usize> = natural.iter().zip(&words).map(|(&n, &w)| least_width(n, w)).collect();
            if let Some(widths) = column_widths(&natural, &words, room) {
                prop_assert_eq!(widths.len(), natural.len());
                prop_assert!(widths.iter().sum::<usize>() <= room, "{:?} in {}", widths, room);
                for ((w, n), l) in widths.iter().zip(&natural).zip(&least) {
                    prop_assert!(*w >= 1 && *w <= (*n).max(1), "{:?} from {:?}", widths, natural);
                    prop_assert!(w >= l, "below its least width: {:?} {:?}", widths, least);
                }
            } else {
                prop_assert!(least.iter().sum::<usize>() > room);
            }
        }
    }
}
