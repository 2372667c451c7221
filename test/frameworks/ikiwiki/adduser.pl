#!/usr/bin/perl
# Registers alice (password `secret`) in the wiki's user database, as passwordauth's Register button does.
# Usage: adduser.pl SETUPFILE
use warnings;
use strict;
use IkiWiki;
use IkiWiki::Setup;
use IkiWiki::UserInfo;

%config = IkiWiki::defaultconfig();
IkiWiki::Setup::load($ARGV[0]);
IkiWiki::loadplugins();
IkiWiki::checkconfig();
IkiWiki::userinfo_setall('alice', { email => '', password => '', regdate => time }) or die "cannot add alice\n";
IkiWiki::Plugin::passwordauth::setpassword('alice', 'secret');
