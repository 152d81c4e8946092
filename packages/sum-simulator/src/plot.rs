//! Plots in the spirit of the original simulator's: each agent's balance as a percentage
//! of its start (honest agents in greens, attackers in reds), the model's accuracy in
//! black, the accuracy when trained on all the data as a grey line; days on the x axis.

use std::path::Path;
use std::sync::Once;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::{register_font, FontStyle};

use crate::engine::RunResult;
use crate::montecarlo::Band;
use crate::scenario::{Scenario, Strategy};

const SIZE: (u32, u32) = (1000, 650);
const GREENS: [RGBColor; 4] = [
    RGBColor(0, 128, 0),
    RGBColor(50, 205, 50),
    RGBColor(0, 100, 0),
    RGBColor(124, 252, 0),
];
const REDS: [RGBColor; 3] = [
    RGBColor(220, 20, 60),
    RGBColor(139, 0, 0),
    RGBColor(255, 99, 71),
];
const GREY: RGBColor = RGBColor(128, 128, 128);

static FONT: Once = Once::new();

/// Text needs a font: the DejaVu Sans shipped with the package, so every machine draws
/// the same pixels.
fn register() {
    FONT.call_once(|| {
        let font = include_bytes!("../assets/DejaVuSans.ttf");
        if register_font("sans-serif", FontStyle::Normal, font).is_err() {
            panic!("the bundled font registers");
        }
    });
}

/// The colour of agent `index` among the scenario's agents.
fn color(scenario: &Scenario, index: usize) -> RGBColor {
    let strategy = scenario.agents[index].strategy;
    let rank = scenario.agents[..index]
        .iter()
        .filter(|a| a.strategy.attacker() == strategy.attacker() && a.strategy != Strategy::Caller)
        .count();
    match strategy {
        Strategy::Caller => BLUE,
        s if s.attacker() => REDS[rank % REDS.len()],
        _ => GREENS[rank % GREENS.len()],
    }
}

type Result<T> = std::result::Result<T, String>;

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// One line: its name, colour and points.
struct Line {
    name: String,
    color: RGBColor,
    points: Vec<(f64, f64)>,
    band: Option<Vec<(f64, f64, f64)>>,
}

fn draw<DB: DrawingBackend>(
    root: DrawingArea<DB, Shift>,
    title: &str,
    y_label: &str,
    lines: &[Line],
    reference: Option<f64>,
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE).map_err(err)?;
    let x_max = lines
        .iter()
        .flat_map(|l| l.points.iter().map(|p| p.0))
        .fold(1.0, f64::max);
    let y_max = lines
        .iter()
        .flat_map(|l| {
            l.points
                .iter()
                .map(|p| p.1)
                .chain(l.band.iter().flatten().map(|b| b.2))
        })
        .fold(100.0, f64::max)
        * 1.08;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 24))
        .margin(15)
        .x_label_area_size(45)
        .y_label_area_size(60)
        .build_cartesian_2d(0.0..x_max, 0.0..y_max)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_desc("time (days)")
        .y_desc(y_label)
        .label_style(("sans-serif", 16))
        .draw()
        .map_err(err)?;
    for line in lines {
        if let Some(band) = &line.band {
            let mut polygon: Vec<(f64, f64)> = band.iter().map(|&(x, lo, _)| (x, lo)).collect();
            polygon.extend(band.iter().rev().map(|&(x, _, hi)| (x, hi)));
            chart
                .draw_series(std::iter::once(Polygon::new(polygon, line.color.mix(0.2))))
                .map_err(err)?;
        }
        let color = line.color;
        chart
            .draw_series(LineSeries::new(line.points.clone(), color.stroke_width(2)))
            .map_err(err)?
            .label(line.name.clone())
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(2))
            });
    }
    if let Some(level) = reference {
        let name = format!("accuracy when trained on all the data: {level:.1}%");
        chart
            .draw_series(LineSeries::new(
                vec![(0.0, level), (x_max, level)],
                GREY.stroke_width(1),
            ))
            .map_err(err)?
            .label(name)
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], GREY.stroke_width(1)));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .label_font(("sans-serif", 14))
        .draw()
        .map_err(err)?;
    root.present().map_err(err)
}

/// Draws the same chart as PNG and SVG.
fn both(
    dir: &Path,
    stem: &str,
    title: &str,
    y_label: &str,
    lines: &[Line],
    reference: Option<f64>,
) -> Result<()> {
    register();
    let png = dir.join(format!("{stem}.png"));
    draw(
        BitMapBackend::new(&png, SIZE).into_drawing_area(),
        title,
        y_label,
        lines,
        reference,
    )?;
    let svg = dir.join(format!("{stem}.svg"));
    draw(
        SVGBackend::new(&svg, SIZE).into_drawing_area(),
        title,
        y_label,
        lines,
        reference,
    )
}

fn y_label(points: bool) -> &'static str {
    if points {
        "points; accuracy (%)"
    } else {
        "balance (% of start); accuracy (%)"
    }
}

/// `plot.png` and `plot.svg` of one run.
pub fn run_plots(dir: &Path, scenario: &Scenario, result: &RunResult) -> Result<()> {
    let mut lines: Vec<Line> = scenario
        .agents
        .iter()
        .enumerate()
        .map(|(i, agent)| Line {
            name: format!("{} ({:?})", agent.name, agent.strategy).to_lowercase(),
            color: color(scenario, i),
            points: result.ticks.iter().map(|t| (t.day, t.values[i])).collect(),
            band: None,
        })
        .collect();
    lines.push(Line {
        name: "accuracy".into(),
        color: BLACK,
        points: result
            .ticks
            .iter()
            .map(|t| (t.day, t.accuracy * 100.0))
            .collect(),
        band: None,
    });
    let title = format!(
        "{}: balances and accuracy on the hidden test set",
        scenario.name
    );
    both(
        dir,
        "plot",
        &title,
        y_label(result.points),
        &lines,
        Some(result.all_data_accuracy * 100.0),
    )
}

/// `<stem>.png` and `<stem>.svg`: mean lines with 5–95 % bands over many runs.
pub fn band_plots(
    dir: &Path,
    stem: &str,
    scenario: &Scenario,
    bands: &[Band],
    points: bool,
) -> Result<()> {
    let lines: Vec<Line> = bands
        .iter()
        .enumerate()
        .map(|(i, band)| Line {
            name: band.name.clone(),
            color: if i < scenario.agents.len() {
                color(scenario, i)
            } else {
                BLACK
            },
            points: band
                .days
                .iter()
                .zip(&band.mean)
                .map(|(&d, &m)| (d, m))
                .collect(),
            band: Some(
                band.days
                    .iter()
                    .zip(band.low.iter().zip(&band.high))
                    .map(|(&d, (&lo, &hi))| (d, lo, hi))
                    .collect(),
            ),
        })
        .collect();
    let title = format!("{}: mean and 5–95 % band", scenario.name);
    both(dir, stem, &title, y_label(points), &lines, None)
}
