use proptest::prelude::*;

use super::*;

fn values(text: &str) -> Vec<f64> {
    numbers_in(text).into_iter().map(|n| n.value).collect()
}

#[test]
fn digits_separators_decimals_and_scales_are_read() {
    assert_eq!(values("with 25 of its neighbours"), [25.0]);
    assert_eq!(values("1,200 ports and 3,250.5 kt"), [1200.0, 3250.5]);
    assert_eq!(values("11.58 million tonnes"), [11_580_000.0]);
    assert_eq!(values("2 billion"), [2e9]);
    assert_eq!(values("1158万吨"), [11_580_000.0]);
    assert_eq!(values("超过5000万吨"), [50_000_000.0]);
    assert_eq!(values("3亿"), [3e8]);
    assert_eq!(values("in 2021, 18 countries"), [2021.0, 18.0]);
    // A comma that does not group thousands ends the number.
    assert_eq!(values("1,20"), [1.0, 20.0]);
    assert_eq!(values("A380 and G20"), Vec::<f64>::new(), "digits inside a word are no number");
}

#[test]
fn number_words_are_read_in_english_and_chinese() {
    assert_eq!(values("friendly cooperation with nine"), [9.0]);
    assert_eq!(values("twenty-five neighbours, Twenty one others"), [25.0, 21.0]);
    assert_eq!(values("forty"), [40.0]);
    assert_eq!(values("none of them, someone"), Vec::<f64>::new());
    assert_eq!(values("与九个国家"), [9.0]);
    assert_eq!(values("二十五个"), [25.0]);
    assert_eq!(values("共建一带一路"), Vec::<f64>::new(), "一 in a word is no number");
}

#[test]
fn bounds_before_a_number_are_read() {
    let bound = |text: &str| numbers_in(text)[0].bound;
    assert_eq!(bound("more than 50 million tonnes"), QuoteBound::Lower);
    assert_eq!(bound("exceeded 50 million"), QuoteBound::Lower);
    assert_eq!(bound("超过5000万吨"), QuoteBound::Lower);
    assert_eq!(bound("under 10"), QuoteBound::Upper);
    assert_eq!(bound("about 3.2 million"), QuoteBound::Approximate);
    assert_eq!(bound("with 25"), QuoteBound::Exact);
    assert_eq!(bound("moreover 5"), QuoteBound::Exact, "`over` inside a word is no bound");
}

#[test]
fn a_value_agrees_to_the_precision_of_the_quote_or_its_own() {
    let says =
        |quote: &str, value: f64, decimals: usize| contradiction(quote, &[(value, half_unit(decimals))]).is_none();
    assert!(says("with 25 of its neighbours", 25.0, 0));
    assert!(!says("with 25 of its neighbours", 27.0, 0));
    assert!(says("3.2 million", 3_250_000.0, 0), "the quote's precision covers it");
    assert!(!says("3.25 million", 3_200_000.0, 0), "a value precise to the unit does not");
    assert!(says("more than 50 million tonnes", 52_000_000.0, 0));
    assert!(!says("more than 50 million tonnes", 48_000_000.0, 0));
    assert!(says("nearly 30", 28.0, 0));
    assert!(says("under 10", 9.0, 0));
    assert!(says("no figure at all", 7.0, 0), "a quote without a number says nothing against it");
    assert!(says("on 3 December 2021, 18 countries", 18.0, 0), "one of its numbers agrees");
}

#[test]
fn a_value_in_megatonnes_agrees_with_a_quote_in_tonnes() {
    let candidates = [(11.58, half_unit(2)), (11_580_000.0, half_unit(2) * 1e6)];
    assert!(contradiction("11.58 million tonnes", &candidates).is_none());
    assert!(contradiction("1158万吨", &candidates).is_none());
    assert!(contradiction("12.58 million tonnes", &candidates).is_some());
}

proptest! {
    /// A value always agrees with itself written with its own decimals, with or without
    /// thousands separators and a scale word.
    #[test]
    fn a_value_agrees_with_itself_however_written(units in 0u64..10_000_000_000, decimals in 0usize..4, grouped: bool, scaled: bool) {
        let value = units as f64 / 10f64.powi(decimals as i32);
        let mut written = format!("{value:.decimals$}");
        if grouped {
            let (whole, fraction) = written.split_once('.').map_or((written.clone(), None), |(w, f)| (w.to_owned(), Some(f.to_owned())));
            let digits: Vec<char> = whole.chars().collect();
            let mut out = String::new();
            for (i, d) in digits.iter().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    out.push(',');
                }
                out.push(*d);
            }
            written = fraction.map_or(out.clone(), |f| format!("{out}.{f}"));
        }
        let (quote, scale) = if scaled { (format!("with {written} million"), 1e6) } else { (format!("with {written} of them"), 1.0) };
        let candidates = [(value * scale, half_unit(decimals) * scale)];
        prop_assert!(contradiction(&quote, &candidates).is_none(), "{quote} vs {}", value * scale);
        let numbers = numbers_in(&quote);
        prop_assert_eq!(numbers.len(), 1, "{}", quote);
    }

    /// Reading never panics, whatever the text.
    #[test]
    fn any_text_reads_without_panic(text in "\\PC{0,40}") {
        let _ = numbers_in(&text);
    }
}
