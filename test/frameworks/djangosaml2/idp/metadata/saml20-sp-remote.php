<?php
// The service provider: djangosaml2 (../../app.py) on the recording's port (DJANGOSAML2_SP_PORT), its endpoints under
// /saml2/ as its metadata view describes them. Its certificate (made by ../../setup.sh in the recording's directory,
// the IdP's certdir) checks the signed LogoutRequest. pysaml2 wants the Response signed (its default), SimpleSAMLphp signs
// the assertion alone unless told. pysaml2 drops attributes its maps do not know: uid and mail sent by their OIDs
// (SimpleSAMLphp's name2oid map, the uri NameFormat), as SimpleSAMLphp's interoperability advice has it.
$sp = 'http://127.0.0.1:' . getenv('DJANGOSAML2_SP_PORT');
$metadata["$sp/saml2/metadata/"] = [
    'AssertionConsumerService' => "$sp/saml2/acs/",
    'SingleLogoutService' => "$sp/saml2/ls/",
    'certificate' => 'sp.crt',
    'saml20.sign.response' => true,
    'attributes.NameFormat' => 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri',
    'authproc' => [90 => ['class' => 'core:AttributeMap', 'name2oid']],
];
