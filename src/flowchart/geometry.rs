//! Points, rectangles and the tests the layout and its checks make on them.
//! Coordinates are SVG user units (CSS pixels at scale 1), y downwards.

/// A point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Point {
    pub(crate) x: f32,
    pub(crate) y: f32,
}

impl Point {
    pub(crate) fn new(x: f32, y: f32) -> Self {
        Point { x, y }
    }
}

/// An axis-aligned rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rect {
    pub(crate) x: f32,
    pub(crate) y: f32,
    pub(crate) w: f32,
    pub(crate) h: f32,
}

/// Below this, two coordinates are the same.
pub(crate) const EPS: f32 = 0.01;

impl Rect {
    pub(crate) fn right(&self) -> f32 {
        self.x + self.w
    }

    pub(crate) fn bottom(&self) -> f32 {
        self.y + self.h
    }

    /// Whether the two rectangles share some area (touching is not sharing).
    #[cfg(test)]
    pub(crate) fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right() - EPS
            && other.x < self.right() - EPS
            && self.y < other.bottom() - EPS
            && other.y < self.bottom() - EPS
    }

    /// Whether the axis-aligned segment `a`–`b` passes through the inside of
    /// the rectangle (running along or ending on its edge does not).
    #[cfg(test)]
    pub(crate) fn crossed_by(&self, a: Point, b: Point) -> bool {
        let (x0, x1) = (a.x.min(b.x), a.x.max(b.x));
        let (y0, y1) = (a.y.min(b.y), a.y.max(b.y));
        let inside_x = |x: f32| self.x + EPS < x && x < self.right() - EPS;
        let inside_y = |y: f32| self.y + EPS < y && y < self.bottom() - EPS;
        if (x1 - x0).abs() < EPS {
            inside_x(x0) && y0 < self.bottom() - EPS && self.y + EPS < y1
        } else {
            inside_y(y0) && x0 < self.right() - EPS && self.x + EPS < x1
        }
    }

    /// Whether `p` lies on the rectangle's outline.
    #[cfg(test)]
    pub(crate) fn on_edge(&self, p: Point) -> bool {
        let within_x = self.x - EPS <= p.x && p.x <= self.right() + EPS;
        let within_y = self.y - EPS <= p.y && p.y <= self.bottom() + EPS;
        let on_x = (p.x - self.x).abs() < EPS || (p.x - self.right()).abs() < EPS;
        let on_y = (p.y - self.y).abs() < EPS || (p.y - self.bottom()).abs() < EPS;
        (on_x && within_y) || (on_y && within_x)
    }
}
