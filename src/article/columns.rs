//! How wide each column of a Markdown table is drawn: a pure function of the columns' natural
//! widths (their widest cell) and the room the pane leaves for text.

/// A column never shrinks below this many cells (or its natural width, if narrower): narrower,
/// its words would be cut every few letters.
pub const LEAST: usize = 6;

/// The widths to draw columns of `natural` widths (display columns of each column's widest cell)
/// in `room` columns of text (the pane's width without the table's rules and padding).
///
/// Every column gets its natural width when they all fit. Otherwise each shrinks in proportion to
/// its natural width, but none below `min(natural, LEAST)`, and the cells wrap within it. `None`
/// when even those least widths do not fit: the table is then drawn as one `Header: value` line
/// per cell. The widths sum to at most `room`, and each is at least 1 and at most its natural
/// width (or 1).
pub fn column_widths(natural: &[usize], room: usize) -> Option<Vec<usize>> {
    let natural: Vec<usize> = natural.iter().map(|&n| n.max(1)).collect();
    let total: usize = natural.iter().sum();
    if total <= room {
        return Some(natural);
    }
    let floors: Vec<usize> = natural.iter().map(|&n| n.min(LEAST)).collect();
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
        assert_eq!(column_widths(&[4, 10, 3], 30), Some(vec![4, 10, 3]));
        assert_eq!(column_widths(&[4, 10, 3], 17), Some(vec![4, 10, 3]));
        assert_eq!(column_widths(&[0, 2], 5), Some(vec![1, 2]), "an empty column still takes a cell");
    }

    #[test]
    fn wide_columns_shrink_in_proportion_and_use_the_room() {
        assert_eq!(column_widths(&[20, 40], 30), Some(vec![10, 20]));
        let widths = column_widths(&[33, 33, 34], 50).unwrap();
        assert_eq!(widths.iter().sum::<usize>(), 50);
        assert!(widths.iter().all(|&w| (16..=17).contains(&w)), "{widths:?}");
    }

    #[test]
    fn a_narrow_column_keeps_its_least_width_and_the_wide_one_gives() {
        // In proportion the first would get 2 cells; it keeps 4 (its natural width, under LEAST).
        assert_eq!(column_widths(&[4, 60], 30), Some(vec![4, 26]));
        assert_eq!(column_widths(&[10, 60], 30), Some(vec![LEAST, 24]));
    }

    #[test]
    fn when_even_the_least_widths_do_not_fit_there_is_no_grid() {
        assert_eq!(column_widths(&[10, 10, 10, 10, 10], 29), None);
        assert!(column_widths(&[10, 10, 10, 10, 10], 30).is_some());
        assert_eq!(column_widths(&[3], 0), None);
    }

    proptest! {
        #[test]
        fn widths_never_exceed_the_room_and_no_column_is_empty(
            natural in proptest::collection::vec(0usize..200, 1..12),
            room in 0usize..400,
        ) {
            if let Some(widths) = column_widths(&natural, room) {
                prop_assert_eq!(widths.len(), natural.len());
                prop_assert!(widths.iter().sum::<usize>() <= room, "{:?} in {}", widths, room);
                for (w, n) in widths.iter().zip(&natural) {
                    prop_assert!(*w >= 1 && *w <= (*n).max(1), "{:?} from {:?}", widths, natural);
                    prop_assert!(*w >= (*n).clamp(1, LEAST), "below its least width: {:?}", widths);
                }
            } else {
                prop_assert!(natural.iter().map(|&n| n.clamp(1, LEAST)).sum::<usize>() > room);
            }
        }
    }
}
