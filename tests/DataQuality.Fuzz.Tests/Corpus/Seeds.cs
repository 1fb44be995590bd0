namespace DataQuality.Fuzz.Tests.Corpus;

/// <summary>
/// Valid inputs the mutants start from, one per format dq reads: a YAML suite, a GX 1.x JSON suite, an ODCS 3.1
/// contract and a DCS 1.1 contract (shapes as in docs/suites.md, contracts/ and tests/conformance/contracts-examples).
/// Each passes against <see cref="Templates.Orders"/> copied to data/orders.parquet.
/// </summary>
public static class Seeds
{
    public sealed record Seed(string Name, string FileName, bool IsJson, bool IsContract, string Text);

    public static readonly Seed YamlSuite = new("yaml-suite", "suite.yaml", IsJson: false, IsContract: false, """
        suite: orders
        description: Silver orders.
        primary_key: [id]
        expectations:
          - expect_column_values_to_not_be_null: { column: id }
          - type: expect_column_values_to_be_between
            column: amount
            min_value: 0
            max_value: 1000
            mostly: 0.99
            meta: { owner: finance }
          - expect_column_values_to_be_in_set: { column: status, value_set: [open, closed] }
          - type: expect_column_values_to_match_regex
            column: status
            regex: "^[a-z]+$"
            row_condition: "id > 0"
          - expect_table_row_count_to_be_between: { min_value: 1, max_value: 100 }

        """);

    public static readonly Seed GxJsonSuite = new("gx-json-suite", "suite.json", IsJson: true, IsContract: false, """
        {
          "name": "orders",
          "meta": {"primary_key": ["id"]},
          "expectations": [
            {"type": "expect_column_values_to_not_be_null", "column": "id"},
            {
              "type": "expect_column_values_to_be_between",
              "column": "amount",
              "min_value": 0,
              "max_value": 1000,
              "mostly": 0.99,
              "severity": "critical"
            },
            {"type": "expect_column_values_to_be_in_set", "column": "status", "value_set": ["open", "closed"]},
            {"type": "expect_column_values_to_match_regex", "column": "status", "regex": "^[a-z]+$"},
            {"type": "expect_table_row_count_to_be_between", "min_value": 1, "max_value": 100}
          ]
        }

        """);

    public static readonly Seed OdcsContract = new("odcs-contract", "orders.odcs.yaml", IsJson: false, IsContract: true, """
        apiVersion: v3.1.0
        kind: DataContract
        id: fuzz-orders
        name: Orders
        version: 1.0.0
        status: active
        servers:
          - server: local
            type: local
            format: parquet
            path: ./data/*.parquet
        schema:
          - name: orders
            physicalType: table
            quality:
              - metric: rowCount
                mustBeGreaterThan: 0
              - type: sql
                query: SELECT count(*) FROM {object} WHERE amount < 0
                mustBe: 0
            properties:
              - name: id
                logicalType: integer
                required: true
                unique: true
                primaryKey: true
              - name: status
                logicalType: string
                logicalTypeOptions:
                  enum: [open, closed]
              - name: amount
                logicalType: number
                logicalTypeOptions:
                  minimum: 0
                  maximum: 10000
              - name: ts
                logicalType: timestamp

        """);

    public static readonly Seed DcsContract = new("dcs-contract", "orders.dcs.yaml", IsJson: false, IsContract: true, """
        dataContractSpecification: 1.1.0
        id: fuzz-orders
        info:
          title: Orders
          version: 1.0.0
        servers:
          local:
            type: local
            format: parquet
            path: ./data/*.parquet
        models:
          orders:
            type: table
            fields:
              id:
                $ref: '#/definitions/order_id'
              status:
                type: string
                enum: [open, closed]
              amount:
                type: double
                minimum: 0
              ts:
                type: timestamp
        definitions:
          order_id:
            type: long
            required: true
            unique: true

        """);

    public static readonly Seed[] All = [YamlSuite, GxJsonSuite, OdcsContract, DcsContract];
}
