import Foundation
import FolioImages

/// The figures of a generated report: PNG, JPEG and SVG files of varied sizes and shapes, written beside the
/// Markdown, and the Markdown that places each after a paragraph that refers to it.
struct FigureGenerator {
    var language: String

    /// One figure's file (relative to the Markdown file) and its Markdown.
    struct Made { var markdown: String; var reference: String }

    /// Writes figure `n` (1-based) into `<content>/figures/` and returns its Markdown and the sentence that refers to it.
    func make(_ n: Int, into content: String, rng: inout SplitMix64) throws -> Made {
        let kinds = ["png", "jpg", "svg"]
        let kind = kinds[n % 3]
        // Wide, square and tall shapes, from a quarter of the measure to larger than a page.
        let shapes: [(Int, Int)] = [(1600, 900), (400, 400), (900, 1300), (1200, 500), (300, 200), (1000, 1000), (700, 1800)]
        let (w, h) = shapes[Int(rng.next() % UInt64(shapes.count))]
        let name = "figures/figure-\(n).\(kind)"
        let path = content + "/" + name
        switch kind {
        case "svg": try Self.svg(width: w / 2, height: h / 2, seed: n).write(toFile: path, atomically: true, encoding: .utf8)
        case "jpg": try Data(ImageWriter.jpeg(rgb: Self.pixels(w / 2, h / 2, seed: n), width: w / 2, height: h / 2, dpi: 96)).write(to: URL(fileURLWithPath: path))
        default: try Data(ImageWriter.png(rgb: Self.pixels(w / 4, h / 4, seed: n), width: w / 4, height: h / 4)).write(to: URL(fileURLWithPath: path))
        }
        let ko = language == "ko"
        let width = rng.next() % 4 == 0 ? "#width=\(40 + Int(rng.next() % 50))%" : ""
        let alt = ko ? "생성된 그림 \(n): \(w)×\(h) 도형" : "Generated figure \(n): a \(w)×\(h) pattern"
        let caption = ko ? "생성된 그림 \(n)의 설명" : "Caption of generated figure \(n), a \(kind.uppercased()) image"
        let reference = ko ? "그림 \(n)을 보라." : "See Figure \(n)."
        return Made(markdown: "![\(alt)](\(name)\(width) \"\(caption)\")\n\n", reference: reference)
    }

    /// A deterministic picture: a gradient with bands, so that a JPEG of it is not trivially small.
    static func pixels(_ w: Int, _ h: Int, seed: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: w * h * 3)
        for y in 0..<h {
            for x in 0..<w {
                let i = (y * w + x) * 3
                out[i] = UInt8((x * 255) / max(w - 1, 1))
                out[i + 1] = UInt8((y * 255) / max(h - 1, 1))
                out[i + 2] = ((x / 16 + y / 16 + seed) % 2 == 0) ? 200 : 90
            }
        }
        return out
    }

    static func svg(width: Int, height: Int, seed: Int) -> String {
        let bars = (0..<6).map { i in
            let bh = (height * ((seed * 7 + i * 13) % 80 + 10)) / 100
            return "<rect x=\"\(width * i / 6 + 4)\" y=\"\(height - bh)\" width=\"\(width / 6 - 8)\" height=\"\(bh)\" fill=\"#0b3d6e\"/>"
        }.joined()
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\">"
            + "<rect width=\"\(width)\" height=\"\(height)\" fill=\"#eef3f7\"/>\(bars)</svg>\n"
    }
}
