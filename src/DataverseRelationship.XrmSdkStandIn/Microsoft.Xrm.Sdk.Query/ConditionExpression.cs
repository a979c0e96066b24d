using System.Collections;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A condition on a column: attribute, operator and values (or another column when <see cref="CompareColumns"/>).</summary>
[DataContract(Name = "ConditionExpression", Namespace = ContractNamespaces.Xrm2011)]
public sealed class ConditionExpression : IExtensibleDataObject
{
    private readonly DataCollection<object> values = new DataCollection<object>();

    public ConditionExpression()
    {
    }

    public ConditionExpression(string attributeName, ConditionOperator conditionOperator)
        : this(null, attributeName, conditionOperator)
    {
    }

    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, params object[] values)
        : this(null, attributeName, conditionOperator, false, values)
    {
    }

    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, object value)
        : this(null, attributeName, conditionOperator, false, value)
    {
    }

    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator)
    {
        EntityName = entityName;
        AttributeName = attributeName;
        Operator = conditionOperator;
    }

    /// <summary>Each element of <paramref name="values"/> becomes one condition value.</summary>
    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, ICollection values)
        : this(null, attributeName, conditionOperator)
    {
        if (values != null)
        {
            foreach (object value in values)
            {
                this.values.Add(value);
            }
        }
    }

    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
        : this(entityName, attributeName, conditionOperator, false, values)
    {
    }

    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
        : this(null, attributeName, conditionOperator, compareColumns, value)
    {
    }

    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
        : this(null, attributeName, conditionOperator, compareColumns, values)
    {
    }

    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, object value)
        : this(entityName, attributeName, conditionOperator, false, value)
    {
    }

    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
        : this(entityName, attributeName, conditionOperator)
    {
        CompareColumns = compareColumns;
        this.values.AddRange(values);
    }

    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
        : this(entityName, attributeName, conditionOperator)
    {
        CompareColumns = compareColumns;
        values.Add(value);
    }

    public string AttributeName { get; set; }

    /// <summary>When true, the value is the name of another column to compare with.</summary>
    public bool CompareColumns { get; set; }

    /// <summary>The alias or name of the (linked) table the attribute belongs to; null for the query's own table.</summary>
    public string EntityName { get; set; }

    public ExtensionDataObject ExtensionData { get; set; }

    public ConditionOperator Operator { get; set; }

    public DataCollection<object> Values => values;
}
