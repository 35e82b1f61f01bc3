package id.gapura.complaints.command;

import id.gapura.complaints.internal.StatsService;
import id.gapura.complaints.internal.StatsService.Bucket;
import id.gapura.complaints.internal.StatsService.Dimension;
import id.gapura.complaints.internal.StatsService.Timeliness;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import java.util.List;

@Service
@Command(scope = "complaints", name = "stats",
        description = "Reports by category, agency, class, month and status; share answered within the deadline; overdue now")
public class StatsCommand extends AdminCommandSupport {

    @Reference
    private StatsService stats;

    @Option(name = "--from", description = "First submission date, yyyy-MM-dd in the region's zone (default: 1 January this year)")
    String from;

    @Option(name = "--to", description = "Last submission date, yyyy-MM-dd, inclusive (default: today)")
    String to;

    @Option(name = "--by", description = "Only one breakdown: category, agency, class, month or status")
    String by;

    @Option(name = "--no-format", description = "Plain output without table borders, for scripts")
    boolean noFormat;

    @Override
    protected void run() throws Exception {
        Dimension only = null;
        if (by != null) {
            only = Dimension.of(by).orElseThrow(() -> failure("--by '" + by + "' is not one of " + Dimension.codes() + "."));
        }
        StatsService.Stats figures = stats.stats(stats.period(from, to));
        System.out.println("Reports submitted " + figures.period().from() + " to " + figures.period().to() + " ("
                + figures.zone().getId() + "): " + figures.total());
        System.out.println("Answered within the deadline: " + share(figures.timeliness()));
        System.out.println("Overdue now (all reports): " + figures.overdueNow());
        for (Dimension dimension : Dimension.values()) {
            if (only == null || only == dimension) {
                System.out.println();
                System.out.println("By " + dimension.code() + ":");
                print(dimension, figures.breakdowns().get(dimension));
            }
        }
    }

    private void print(Dimension dimension, List<Bucket> buckets) {
        ShellTable table = new ShellTable();
        table.column(Character.toUpperCase(dimension.code().charAt(0)) + dimension.code().substring(1));
        table.column("Name");
        table.column("Reports");
        table.column("Due or answered");
        table.column("On time");
        table.column("On time %");
        for (Bucket bucket : buckets) {
            table.addRow().addContent(bucket.code() == null ? "-" : bucket.code(), bucket.name(), bucket.reports(),
                    bucket.timeliness().dueOrAnswered(), bucket.timeliness().answeredOnTime(),
                    bucket.timeliness().percent() == null ? "" : bucket.timeliness().percent().toPlainString());
        }
        table.print(System.out, !noFormat);
    }

    private static String share(Timeliness timeliness) {
        return timeliness.answeredOnTime() + " of " + timeliness.dueOrAnswered()
                + (timeliness.percent() == null ? " (nothing due or answered yet)" : " (" + timeliness.percent() + "%)");
    }
}
