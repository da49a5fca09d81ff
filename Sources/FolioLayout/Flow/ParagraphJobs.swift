import FolioFonts
import FolioModel
import FolioSupport

/// Sets the collected paragraphs, on every core: a paragraph's lines depend only on its text and spec, so they can
/// be set in any order. Each thread has its own font selector; the shape cache is shared. Results come back by
/// job index, so compose takes each paragraph's lines without matching anything up.
enum ParagraphJobs {
    typealias Outcome = Result<InlineLayout.Result, Error>

    /// The outcome of every job, in job order; a failed job holds its error, which compose reports in place.
    /// With a paragraph cache, only the paragraphs it lacks are set (and then kept).
    static func run(_ jobs: [ParagraphJob], context: LayoutContext) -> [Outcome] {
        guard let cache = context.paragraphCache else { return setAll(jobs, context: context) }
        let scope = context.language + "|" + String(describing: context.inline.configuration)
        let keys = jobs.map { ParagraphCache.key($0.text, $0.spec, scope: scope) }
        var outcomes = keys.map { cache.lookup($0).map(Outcome.success) }
        let missing = outcomes.indices.filter { outcomes[$0] == nil }
        for (i, outcome) in zip(missing, setAll(missing.map { jobs[$0] }, context: context)) {
            if case .success(let result) = outcome { cache.store(result, for: keys[i]) }
            outcomes[i] = outcome
        }
        return outcomes.map { $0! }
    }

    /// Sets every job.
    static func setAll(_ jobs: [ParagraphJob], context: LayoutContext) -> [Outcome] {
        let width = min(Parallelism.width, jobs.count)
        guard width > 1 else {
            return jobs.map { job in Result { try context.inline.layout(job.text, job.spec, times: &context.times) } }
        }
        let manifest = context.selector.manifest, library = context.selector.library, language = context.language
        let cache = context.inline.cache, configuration = context.inline.configuration
        let chunks = Array(0..<width).concurrentMap { chunk -> ([(Int, Outcome)], PhaseTimes) in
            let selector = FontSelector(manifest: manifest, library: library, language: language)
            let inline = InlineLayout(selector: selector, cache: cache, configuration: configuration)
            var times = PhaseTimes()
            var out: [(Int, Outcome)] = []
            // Interleaved, so that long and short stretches of the document are shared out evenly.
            for i in stride(from: chunk, to: jobs.count, by: width) {
                out.append((i, Result { try inline.layout(jobs[i].text, jobs[i].spec, times: &times) }))
            }
            return (out, times)
        }
        var outcomes = [Outcome?](repeating: nil, count: jobs.count)
        for (results, times) in chunks {
            context.times.merge(times)   // summed over threads: CPU time, not wall time
            for (i, outcome) in results { outcomes[i] = outcome }
        }
        context.parallelJobs += jobs.count
        return outcomes.map { $0! }
    }
}
