using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.XrmSdkStandIn.Tests.Behaviour;

/// <summary>Entity's protected members (used by early-bound classes), ToEntity of derived types and name validation.</summary>
public class EntityProtectedMemberTests
{
    /// <summary>An early-bound style row, exposing the protected members for the tests.</summary>
    private sealed class Account : Entity
    {
        public Account()
            : base("account")
        {
        }

        public string Name
        {
            get => GetAttributeValue<string>("name");
            set => SetAttributeValue("name", value);
        }

        public string FormattedOf(string column) => GetFormattedAttributeValue(column);

        public Entity PrimaryContact
        {
            get => GetRelatedEntity<Entity>("account_primary_contact", null);
            set => SetRelatedEntity("account_primary_contact", null, value);
        }

        public IEnumerable<Entity> Contacts
        {
            get => GetRelatedEntities<Entity>("contact_customer_accounts", null);
            set => SetRelatedEntities("contact_customer_accounts", null, value);
        }

        public void SetBlankColumn() => SetAttributeValue(" ", 1);
    }

    /// <summary>A derived type whose constructor does not set a logical name.</summary>
    private sealed class Unnamed : Entity
    {
    }

    [Fact]
    public void SetAttributeValue_writes_the_column()
    {
        var account = new Account { Name = "Contoso" };

        Assert.Equal("Contoso", account["name"]);
        Assert.Equal("Contoso", account.Name);
    }

    [Fact]
    public void SetAttributeValue_with_a_blank_name_throws_ArgumentNullException()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new Account().SetBlankColumn());

        Assert.Equal("attributeLogicalName", error.ParamName);
    }

    [Fact]
    public void GetFormattedAttributeValue_is_null_for_a_column_without_one()
    {
        var account = new Account();
        account.FormattedValues["statecode"] = "Active";

        Assert.Equal("Active", account.FormattedOf("statecode"));
        Assert.Null(account.FormattedOf("name"));
    }

    [Fact]
    public void SetRelatedEntity_then_GetRelatedEntity_returns_the_row_and_null_removes_it()
    {
        var contact = new Entity("contact", Guid.NewGuid());
        var account = new Account { PrimaryContact = contact };

        Assert.Same(contact, account.PrimaryContact);
        Assert.Equal("contact", account.RelatedEntities[new Relationship("account_primary_contact")].EntityName);

        account.PrimaryContact = null!;
        Assert.Null(account.PrimaryContact);
        Assert.Equal(0, account.RelatedEntities.Count);
    }

    [Fact]
    public void SetRelatedEntities_keeps_the_rows_in_order()
    {
        var first = new Entity("contact", Guid.NewGuid());
        var second = new Entity("contact", Guid.NewGuid());
        var account = new Account { Contacts = new[] { first, second } };

        Assert.Equal(new[] { first, second }, account.Contacts.ToArray());
    }

    [Fact]
    public void SetRelatedEntity_without_a_logical_name_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new Account { PrimaryContact = new Entity() });

        Assert.Equal("entity", error.ParamName);
    }

    [Fact]
    public void GetAttributeValue_with_a_blank_name_throws_ArgumentNullException()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new Entity("account").GetAttributeValue<string>(""));

        Assert.Equal("attributeLogicalName", error.ParamName);
    }

    [Fact]
    public void ToEntity_of_a_derived_type_without_EntityLogicalNameAttribute_is_not_supported()
    {
        // The genuine 9.0.2.56 message, observed when these tests ran against the genuine assemblies.
        var error = Assert.Throws<NotSupportedException>(() => new Entity("account", Guid.NewGuid()).ToEntity<Account>());

        Assert.Equal("Cannot convert to type that is does not have EntityLogicalNameAttribute", error.Message);
    }

    [Fact]
    public void ToEntity_of_a_derived_type_for_another_table_is_not_supported()
    {
        // Only the exception type: the genuine message for this case has not been recorded.
        Assert.Throws<NotSupportedException>(() => new Entity("contact").ToEntity<Account>());
    }

    [Fact]
    public void ToEntity_of_a_derived_type_without_a_logical_name_is_not_supported()
    {
        Assert.Throws<NotSupportedException>(() => new Entity().ToEntity<Unnamed>());
    }

#if XRMSDK_OFFICIAL
    /// <summary>An early-bound class as the code generator writes it; the stand-in does not declare EntityLogicalNameAttribute.</summary>
    [Microsoft.Xrm.Sdk.Client.EntityLogicalName("account")]
    private sealed class EarlyBoundAccount : Entity
    {
        public EarlyBoundAccount()
            : base("account")
        {
        }
    }

    [Fact]
    public void ToEntity_of_an_early_bound_type_for_its_table_returns_that_type_with_the_id_and_values()
    {
        // The documented use: service.Retrieve(...).ToEntity<Account>()
        // (https://learn.microsoft.com/en-us/dotnet/api/microsoft.xrm.sdk.entity.toentity).
        var entity = new Entity("account", Guid.NewGuid());
        entity["name"] = "Contoso";

        EarlyBoundAccount account = entity.ToEntity<EarlyBoundAccount>();

        Assert.Equal(entity.Id, account.Id);
        Assert.Equal("Contoso", account["name"]);
    }
#endif
}
