package dev.dataapi.examples.embedded;

import dev.dataapi.ports.BoundParameter;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.QueryRequest;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.out.QueryExecutor;
import dev.dataapi.ports.out.QueryOutcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedder's own query executor: instead of running the endpoint's SQL on a database it filters
 * a small fixed sales dataset by the bound {@code regions} and {@code since} values. It keeps the
 * {@link QueryExecutor} contract that matters here: typed values arrive already validated and
 * bound, at most {@code maxRows} rows reach the sink, and {@code truncated} says whether more existed.
 * Stateless, so thread-safe.
 */
final class FixedSalesQueryExecutor implements QueryExecutor {
    private static final List<Column> COLUMNS =
            List.of(new Column("region", "varchar"), new Column("month", "date"), new Column("total", "numeric"));
    private static final List<Object[]> SALES = List.of(
            sale("Sul", "2024-12-01", "980.00"),
            sale("Sul", "2025-01-01", "1200.50"),
            sale("Sudeste", "2025-01-01", "3400.75"),
            sale("Norte", "2025-01-01", "410.10"),
            sale("Sul", "2025-02-01", "1310.00"),
            sale("Sudeste", "2025-02-01", "3650.20"),
            sale("Nordeste", "2025-02-01", "870.00"));

    @Override
    public QueryOutcome execute(QueryRequest request, ResultSink sink) {
        Map<String, Object> values = new HashMap<>();
        for (BoundParameter parameter : request.parameters()) {
            values.put(parameter.name(), parameter.value());
        }
        List<?> regions = (List<?>) values.get("regions");
        LocalDate since = (LocalDate) values.get("since");
        sink.columns(COLUMNS);
        int delivered = 0;
        for (Object[] sale : SALES) {
            if (!regions.contains(sale[0]) || (since != null && ((LocalDate) sale[1]).isBefore(since))) {
                continue;
            }
            if (delivered == request.maxRows()) {
                return new QueryOutcome.Completed(delivered, true);
            }
            sink.row(sale.clone());
            delivered++;
        }
        return new QueryOutcome.Completed(delivered, false);
    }

    private static Object[] sale(String region, String month, String total) {
        return new Object[] {region, LocalDate.parse(month), new BigDecimal(total)};
    }
}
