"""Made by scripts/precompile.py with Python 3.11: the sources mediafeed gives ``exec`` at run time,
compiled with the package (see mediafeed/precompiled.py). Do not edit: run ``python scripts/precompile.py``.
"""
# ruff: noqa
# mypy: ignore-errors

VERSION = (3, 11)

def _0():
 def __eq__(self,other):
  if other.__class__ is self.__class__:
   return (self.file,self.code,self.severity,self.message,self.field,self.hint,self.episode,self.episodes,)==(other.file,other.code,other.severity,other.message,other.field,other.hint,other.episode,other.episodes,)
  return NotImplemented
 return __eq__

def _1():
 def __ge__(self,other):
  if other.__class__ is self.__class__:
   return (self.file,self.code,self.severity,self.message,self.field,self.hint,self.episode,self.episodes,)>=(other.file,other.code,other.severity,other.message,other.field,other.hint,other.episode,other.episodes,)
  return NotImplemented
 return __ge__

def _2():
 def __gt__(self,other):
  if other.__class__ is self.__class__:
   return (self.file,self.code,self.severity,self.message,self.field,self.hint,self.episode,self.episodes,)>(other.file,other.code,other.severity,other.message,other.field,other.hint,other.episode,other.episodes,)
  return NotImplemented
 return __gt__

def _3():
 def __hash__(self):
  return hash((self.file,self.code,self.severity,self.message,self.field,self.hint,self.episode,self.episodes,))
 return __hash__

def _4():
 def __le__(self,other):
  if other.__class__ is self.__class__:
   return (self.file,self.code,self.severity,self.message,self.field,self.hint,self.episode,self.episodes,)<=(other.file,other.code,other.severity,other.message,other.field,other.hint,other.episode,other.episodes,)
  return NotImplemented
 return __le__

def _5():
 def __lt__(self,other):
  if other.__class__ is self.__class__:
   return (self.file,self.code,self.severity,self.message,self.field,self.hint,self.episode,self.episodes,)<(other.file,other.code,other.severity,other.message,other.field,other.hint,other.episode,other.episodes,)
  return NotImplemented
 return __lt__

def _6():
 def __repr__(self):
  return self.__class__.__qualname__ + f"(file={self.file!r}, code={self.code!r}, severity={self.severity!r}, message={self.message!r}, field={self.field!r}, hint={self.hint!r}, episode={self.episode!r}, episodes={self.episodes!r})"
 return __repr__

def _7(_type_address, _type_type, _type_split, _type_name, _type_fee, _type_custom_key, _type_custom_value, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_name, _dflt_fee, _dflt_custom_key, _dflt_custom_value, _return_type):
 def __init__(self,address:_type_address,type:_type_type,split:_type_split,name:_type_name=_dflt_name,fee:_type_fee=_dflt_fee,custom_key:_type_custom_key=_dflt_custom_key,custom_value:_type_custom_value=_dflt_custom_value)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['address']=address
  __dataclass_self_dict__['type']=type
  __dataclass_self_dict__['split']=split
  __dataclass_self_dict__['name']=name
  __dataclass_self_dict__['fee']=fee
  __dataclass_self_dict__['custom_key']=custom_key
  __dataclass_self_dict__['custom_value']=custom_value
 return __init__

def _8(_type_at, _type_moov, _type_tables, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,at:_type_at,moov:_type_moov,tables:_type_tables)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['at']=at
  __dataclass_self_dict__['moov']=moov
  __dataclass_self_dict__['tables']=tables
 return __init__

def _9(_type_code, _type_sets, _type_severity, _type_title, _type_explain, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,code:_type_code,sets:_type_sets,severity:_type_severity,title:_type_title,explain:_type_explain)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['code']=code
  __dataclass_self_dict__['sets']=sets
  __dataclass_self_dict__['severity']=severity
  __dataclass_self_dict__['title']=title
  __dataclass_self_dict__['explain']=explain
 return __init__

def _10(_type_connect_timeout, _type_read_timeout, _type_deadline, _type_retries, _type_backoff, _type_workers, _type_max_redirects, _type_max_feed_bytes, _type_max_file_bytes, _type_probe_bytes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_connect_timeout, _dflt_read_timeout, _dflt_deadline, _dflt_retries, _dflt_backoff, _dflt_workers, _dflt_max_redirects, _dflt_max_feed_bytes, _dflt_max_file_bytes, _dflt_probe_bytes, _return_type):
 def __init__(self,connect_timeout:_type_connect_timeout=_dflt_connect_timeout,read_timeout:_type_read_timeout=_dflt_read_timeout,deadline:_type_deadline=_dflt_deadline,retries:_type_retries=_dflt_retries,backoff:_type_backoff=_dflt_backoff,workers:_type_workers=_dflt_workers,max_redirects:_type_max_redirects=_dflt_max_redirects,max_feed_bytes:_type_max_feed_bytes=_dflt_max_feed_bytes,max_file_bytes:_type_max_file_bytes=_dflt_max_file_bytes,probe_bytes:_type_probe_bytes=_dflt_probe_bytes)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['connect_timeout']=connect_timeout
  __dataclass_self_dict__['read_timeout']=read_timeout
  __dataclass_self_dict__['deadline']=deadline
  __dataclass_self_dict__['retries']=retries
  __dataclass_self_dict__['backoff']=backoff
  __dataclass_self_dict__['workers']=workers
  __dataclass_self_dict__['max_redirects']=max_redirects
  __dataclass_self_dict__['max_feed_bytes']=max_feed_bytes
  __dataclass_self_dict__['max_file_bytes']=max_file_bytes
  __dataclass_self_dict__['probe_bytes']=probe_bytes
 return __init__

def _11(_type_data, _type_source, _type_origin, _type_link, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_data, _dflt_source, _dflt_origin, _dflt_link, _return_type):
 def __init__(self,data:_type_data=_dflt_data,source:_type_source=_dflt_source,origin:_type_origin=_dflt_origin,link:_type_link=_dflt_link)->_return_type:
  self.data=data
  self.source=source
  self.origin=origin
  self.link=link
 return __init__

def _12(_type_dry_run, _type_results, _type_problems, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_results, _dflt_problems, _return_type):
 def __init__(self,dry_run:_type_dry_run,results:_type_results=_HAS_DEFAULT_FACTORY,problems:_type_problems=_HAS_DEFAULT_FACTORY)->_return_type:
  self.dry_run=dry_run
  self.results=_dflt_results() if results is _HAS_DEFAULT_FACTORY else results
  self.problems=_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems
 return __init__

def _13(_type_duration, _type_frames, _type_bitrate, _type_mode, _type_sample_rate, _type_channels, _type_header, _type_start, _type_end, _type_junk, _type_cut, _type_lead, _type_layer, _type_switch, _type_gap, _type_gap_at, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_lead, _dflt_layer, _dflt_switch, _dflt_gap, _dflt_gap_at, _return_type):
 def __init__(self,duration:_type_duration,frames:_type_frames,bitrate:_type_bitrate,mode:_type_mode,sample_rate:_type_sample_rate,channels:_type_channels,header:_type_header,start:_type_start,end:_type_end,junk:_type_junk,cut:_type_cut,lead:_type_lead=_dflt_lead,layer:_type_layer=_dflt_layer,switch:_type_switch=_dflt_switch,gap:_type_gap=_dflt_gap,gap_at:_type_gap_at=_dflt_gap_at)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['duration']=duration
  __dataclass_self_dict__['frames']=frames
  __dataclass_self_dict__['bitrate']=bitrate
  __dataclass_self_dict__['mode']=mode
  __dataclass_self_dict__['sample_rate']=sample_rate
  __dataclass_self_dict__['channels']=channels
  __dataclass_self_dict__['header']=header
  __dataclass_self_dict__['start']=start
  __dataclass_self_dict__['end']=end
  __dataclass_self_dict__['junk']=junk
  __dataclass_self_dict__['cut']=cut
  __dataclass_self_dict__['lead']=lead
  __dataclass_self_dict__['layer']=layer
  __dataclass_self_dict__['switch']=switch
  __dataclass_self_dict__['gap']=gap
  __dataclass_self_dict__['gap_at']=gap_at
 return __init__

def _14(_type_episode, _type_media, _type_page_path, _type_page_url, _type_enclosure_path, _type_enclosure_url, _type_image_url, _type_image_path, _type_image_size, _type_chapters_url, _type_transcripts, _type_alternates, _type_embed_url, _type_oembed_url, _type_media_file, _type_notes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_image_path, _dflt_image_size, _dflt_chapters_url, _dflt_transcripts, _dflt_alternates, _dflt_embed_url, _dflt_oembed_url, _dflt_media_file, _dflt_notes, _return_type):
 def __init__(self,episode:_type_episode,media:_type_media,page_path:_type_page_path,page_url:_type_page_url,enclosure_path:_type_enclosure_path,enclosure_url:_type_enclosure_url,image_url:_type_image_url,image_path:_type_image_path=_dflt_image_path,image_size:_type_image_size=_dflt_image_size,chapters_url:_type_chapters_url=_dflt_chapters_url,transcripts:_type_transcripts=_dflt_transcripts,alternates:_type_alternates=_dflt_alternates,embed_url:_type_embed_url=_dflt_embed_url,oembed_url:_type_oembed_url=_dflt_oembed_url,media_file:_type_media_file=_dflt_media_file,notes:_type_notes=_dflt_notes)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['episode']=episode
  __dataclass_self_dict__['media']=media
  __dataclass_self_dict__['page_path']=page_path
  __dataclass_self_dict__['page_url']=page_url
  __dataclass_self_dict__['enclosure_path']=enclosure_path
  __dataclass_self_dict__['enclosure_url']=enclosure_url
  __dataclass_self_dict__['image_url']=image_url
  __dataclass_self_dict__['image_path']=image_path
  __dataclass_self_dict__['image_size']=image_size
  __dataclass_self_dict__['chapters_url']=chapters_url
  __dataclass_self_dict__['transcripts']=transcripts
  __dataclass_self_dict__['alternates']=alternates
  __dataclass_self_dict__['embed_url']=embed_url
  __dataclass_self_dict__['oembed_url']=oembed_url
  __dataclass_self_dict__['media_file']=media_file
  __dataclass_self_dict__['notes']=notes
 return __init__

def _15(_type_feed, _type_pages, _type_images, _type_media, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_feed, _dflt_pages, _dflt_images, _dflt_media, _return_type):
 def __init__(self,feed:_type_feed=_dflt_feed,pages:_type_pages=_dflt_pages,images:_type_images=_dflt_images,media:_type_media=_dflt_media)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['feed']=feed
  __dataclass_self_dict__['pages']=pages
  __dataclass_self_dict__['images']=images
  __dataclass_self_dict__['media']=media
 return __init__

def _16(_type_feed_guid, _type_feed_url, _type_title, _type_item_guid, _type_medium, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_feed_url, _dflt_title, _dflt_item_guid, _dflt_medium, _return_type):
 def __init__(self,feed_guid:_type_feed_guid,feed_url:_type_feed_url=_dflt_feed_url,title:_type_title=_dflt_title,item_guid:_type_item_guid=_dflt_item_guid,medium:_type_medium=_dflt_medium)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['feed_guid']=feed_guid
  __dataclass_self_dict__['feed_url']=feed_url
  __dataclass_self_dict__['title']=title
  __dataclass_self_dict__['item_guid']=item_guid
  __dataclass_self_dict__['medium']=medium
 return __init__

def _17(_type_field, _type_old, _type_new, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,field:_type_field,old:_type_old,new:_type_new)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['field']=field
  __dataclass_self_dict__['old']=old
  __dataclass_self_dict__['new']=new
 return __init__

def _18(_type_file, _type_changes, _type_written, _type_size, _type_skipped, _type_notes, _type_media, _type_index_kept, _type_gap, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_changes, _dflt_written, _dflt_size, _dflt_skipped, _dflt_notes, _dflt_media, _dflt_index_kept, _dflt_gap, _return_type):
 def __init__(self,file:_type_file,changes:_type_changes=_HAS_DEFAULT_FACTORY,written:_type_written=_dflt_written,size:_type_size=_dflt_size,skipped:_type_skipped=_dflt_skipped,notes:_type_notes=_HAS_DEFAULT_FACTORY,media:_type_media=_dflt_media,index_kept:_type_index_kept=_dflt_index_kept,gap:_type_gap=_dflt_gap)->_return_type:
  self.file=file
  self.changes=_dflt_changes() if changes is _HAS_DEFAULT_FACTORY else changes
  self.written=written
  self.size=size
  self.skipped=skipped
  self.notes=_dflt_notes() if notes is _HAS_DEFAULT_FACTORY else notes
  self.media=media
  self.index_kept=index_kept
  self.gap=gap
 return __init__

def _19(_type_file, _type_code, _type_severity, _type_message, _type_field, _type_hint, _type_episode, _type_episodes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_field, _dflt_hint, _dflt_episode, _dflt_episodes, _return_type):
 def __init__(self,file:_type_file,code:_type_code,severity:_type_severity,message:_type_message,field:_type_field=_dflt_field,hint:_type_hint=_dflt_hint,episode:_type_episode=_dflt_episode,episodes:_type_episodes=_dflt_episodes)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['file']=file
  __dataclass_self_dict__['code']=code
  __dataclass_self_dict__['severity']=severity
  __dataclass_self_dict__['message']=message
  __dataclass_self_dict__['field']=field
  __dataclass_self_dict__['hint']=hint
  __dataclass_self_dict__['episode']=episode
  __dataclass_self_dict__['episodes']=episodes
 return __init__

def _20(_type_file, _type_mime, _type_url, _type_title, _type_default, _type_length, _type_bitrate, _type_integrity, _type_height, _type_lang, _type_rel, _type_codecs, _type_sources, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_mime, _dflt_url, _dflt_title, _dflt_default, _dflt_length, _dflt_bitrate, _dflt_integrity, _dflt_height, _dflt_lang, _dflt_rel, _dflt_codecs, _dflt_sources, _return_type):
 def __init__(self,file:_type_file,mime:_type_mime=_dflt_mime,url:_type_url=_dflt_url,title:_type_title=_dflt_title,default:_type_default=_dflt_default,length:_type_length=_dflt_length,bitrate:_type_bitrate=_dflt_bitrate,integrity:_type_integrity=_dflt_integrity,height:_type_height=_dflt_height,lang:_type_lang=_dflt_lang,rel:_type_rel=_dflt_rel,codecs:_type_codecs=_dflt_codecs,sources:_type_sources=_dflt_sources)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['file']=file
  __dataclass_self_dict__['mime']=mime
  __dataclass_self_dict__['url']=url
  __dataclass_self_dict__['title']=title
  __dataclass_self_dict__['default']=default
  __dataclass_self_dict__['length']=length
  __dataclass_self_dict__['bitrate']=bitrate
  __dataclass_self_dict__['integrity']=integrity
  __dataclass_self_dict__['height']=height
  __dataclass_self_dict__['lang']=lang
  __dataclass_self_dict__['rel']=rel
  __dataclass_self_dict__['codecs']=codecs
  __dataclass_self_dict__['sources']=sources
 return __init__

def _21(_type_files, _type_folders, _type_mtimes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_mtimes, _return_type):
 def __init__(self,files:_type_files,folders:_type_folders,mtimes:_type_mtimes=_HAS_DEFAULT_FACTORY)->_return_type:
  self.files=files
  self.folders=folders
  self.mtimes=_dflt_mtimes() if mtimes is _HAS_DEFAULT_FACTORY else mtimes
 return __init__

def _22(_type_files, _type_writing, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_files, _dflt_writing, _return_type):
 def __init__(self,files:_type_files=_HAS_DEFAULT_FACTORY,writing:_type_writing=_HAS_DEFAULT_FACTORY)->_return_type:
  self.files=_dflt_files() if files is _HAS_DEFAULT_FACTORY else files
  self.writing=_dflt_writing() if writing is _HAS_DEFAULT_FACTORY else writing
 return __init__

def _23(_type_guid, _type_title, _type_date, _type_guid_permalink, _type_notes_html, _type_summary, _type_link, _type_enclosure, _type_duration, _type_season, _type_season_name, _type_number, _type_decimal_number, _type_episode_display, _type_episode_type, _type_explicit, _type_itunes_title, _type_image, _type_keywords, _type_block, _type_persons, _type_value, _type_social, _type_transcripts, _type_chapters, _type_inline_chapters, _type_extra, _type_artwork_alt, _type_position, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_guid_permalink, _dflt_notes_html, _dflt_summary, _dflt_link, _dflt_enclosure, _dflt_duration, _dflt_season, _dflt_season_name, _dflt_number, _dflt_decimal_number, _dflt_episode_display, _dflt_episode_type, _dflt_explicit, _dflt_itunes_title, _dflt_image, _dflt_keywords, _dflt_block, _dflt_persons, _dflt_value, _dflt_social, _dflt_transcripts, _dflt_chapters, _dflt_inline_chapters, _dflt_extra, _dflt_artwork_alt, _dflt_position, _return_type):
 def __init__(self,guid:_type_guid,title:_type_title,date:_type_date,guid_permalink:_type_guid_permalink=_dflt_guid_permalink,notes_html:_type_notes_html=_dflt_notes_html,summary:_type_summary=_dflt_summary,link:_type_link=_dflt_link,enclosure:_type_enclosure=_dflt_enclosure,duration:_type_duration=_dflt_duration,season:_type_season=_dflt_season,season_name:_type_season_name=_dflt_season_name,number:_type_number=_dflt_number,decimal_number:_type_decimal_number=_dflt_decimal_number,episode_display:_type_episode_display=_dflt_episode_display,episode_type:_type_episode_type=_dflt_episode_type,explicit:_type_explicit=_dflt_explicit,itunes_title:_type_itunes_title=_dflt_itunes_title,image:_type_image=_dflt_image,keywords:_type_keywords=_dflt_keywords,block:_type_block=_dflt_block,persons:_type_persons=_dflt_persons,value:_type_value=_dflt_value,social:_type_social=_dflt_social,transcripts:_type_transcripts=_dflt_transcripts,chapters:_type_chapters=_dflt_chapters,inline_chapters:_type_inline_chapters=_dflt_inline_chapters,extra:_type_extra=_HAS_DEFAULT_FACTORY,artwork_alt:_type_artwork_alt=_dflt_artwork_alt,position:_type_position=_dflt_position)->_return_type:
  self.guid=guid
  self.title=title
  self.date=date
  self.guid_permalink=guid_permalink
  self.notes_html=notes_html
  self.summary=summary
  self.link=link
  self.enclosure=enclosure
  self.duration=duration
  self.season=season
  self.season_name=season_name
  self.number=number
  self.decimal_number=decimal_number
  self.episode_display=episode_display
  self.episode_type=episode_type
  self.explicit=explicit
  self.itunes_title=itunes_title
  self.image=image
  self.keywords=keywords
  self.block=block
  self.persons=persons
  self.value=value
  self.social=social
  self.transcripts=transcripts
  self.chapters=chapters
  self.inline_chapters=inline_chapters
  self.extra=_dflt_extra() if extra is _HAS_DEFAULT_FACTORY else extra
  self.artwork_alt=artwork_alt
  self.position=position
 return __init__

def _24(_type_guid, _type_url, _type_length, _type_duration, _type_title, _type_date, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,guid:_type_guid,url:_type_url,length:_type_length,duration:_type_duration,title:_type_title,date:_type_date)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['guid']=guid
  __dataclass_self_dict__['url']=url
  __dataclass_self_dict__['length']=length
  __dataclass_self_dict__['duration']=duration
  __dataclass_self_dict__['title']=title
  __dataclass_self_dict__['date']=date
 return __init__

def _25(_type_handler, _type_sizes, _type_chunks, _type_per_chunk, _type_track_id, _type_timescale, _type_runs, _type_fragment_ticks, _type_ticks, _type_defaults, _type_height, _type_width, _type_sample_entry, _type_enabled, _type_edits, _type_movie_timescale, _type_chapter_tracks, _type_declared_channels, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_handler, _dflt_sizes, _dflt_chunks, _dflt_per_chunk, _dflt_track_id, _dflt_timescale, _dflt_runs, _dflt_fragment_ticks, _dflt_ticks, _dflt_defaults, _dflt_height, _dflt_width, _dflt_sample_entry, _dflt_enabled, _dflt_edits, _dflt_movie_timescale, _dflt_chapter_tracks, _dflt_declared_channels, _return_type):
 def __init__(self,handler:_type_handler=_dflt_handler,sizes:_type_sizes=_HAS_DEFAULT_FACTORY,chunks:_type_chunks=_HAS_DEFAULT_FACTORY,per_chunk:_type_per_chunk=_HAS_DEFAULT_FACTORY,track_id:_type_track_id=_dflt_track_id,timescale:_type_timescale=_dflt_timescale,runs:_type_runs=_HAS_DEFAULT_FACTORY,fragment_ticks:_type_fragment_ticks=_dflt_fragment_ticks,ticks:_type_ticks=_dflt_ticks,defaults:_type_defaults=_dflt_defaults,height:_type_height=_dflt_height,width:_type_width=_dflt_width,sample_entry:_type_sample_entry=_dflt_sample_entry,enabled:_type_enabled=_dflt_enabled,edits:_type_edits=_dflt_edits,movie_timescale:_type_movie_timescale=_dflt_movie_timescale,chapter_tracks:_type_chapter_tracks=_dflt_chapter_tracks,declared_channels:_type_declared_channels=_dflt_declared_channels)->_return_type:
  self.handler=handler
  self.sizes=_dflt_sizes() if sizes is _HAS_DEFAULT_FACTORY else sizes
  self.chunks=_dflt_chunks() if chunks is _HAS_DEFAULT_FACTORY else chunks
  self.per_chunk=_dflt_per_chunk() if per_chunk is _HAS_DEFAULT_FACTORY else per_chunk
  self.track_id=track_id
  self.timescale=timescale
  self.runs=_dflt_runs() if runs is _HAS_DEFAULT_FACTORY else runs
  self.fragment_ticks=fragment_ticks
  self.ticks=ticks
  self.defaults=defaults
  self.height=height
  self.width=width
  self.sample_entry=sample_entry
  self.enabled=enabled
  self.edits=edits
  self.movie_timescale=movie_timescale
  self.chapter_tracks=chapter_tracks
  self.declared_channels=declared_channels
 return __init__

def _26(_type_html, _type_description, _type_text, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_html, _dflt_description, _dflt_text, _return_type):
 def __init__(self,html:_type_html=_dflt_html,description:_type_description=_dflt_description,text:_type_text=_dflt_text)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['html']=html
  __dataclass_self_dict__['description']=description
  __dataclass_self_dict__['text']=text
 return __init__

def _27(_type_html, _type_description, _type_text, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,html:_type_html,description:_type_description,text:_type_text)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['html']=html
  __dataclass_self_dict__['description']=description
  __dataclass_self_dict__['text']=text
 return __init__

def _28(_type_index, _type_source, _type_copy, _type_media_file, _type_wanted, _type_art, _type_rel, _type_media, _type_ffmpeg, _type_length, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,index:_type_index,source:_type_source,copy:_type_copy,media_file:_type_media_file,wanted:_type_wanted,art:_type_art,rel:_type_rel,media:_type_media,ffmpeg:_type_ffmpeg,length:_type_length)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['index']=index
  __dataclass_self_dict__['source']=source
  __dataclass_self_dict__['copy']=copy
  __dataclass_self_dict__['media_file']=media_file
  __dataclass_self_dict__['wanted']=wanted
  __dataclass_self_dict__['art']=art
  __dataclass_self_dict__['rel']=rel
  __dataclass_self_dict__['media']=media
  __dataclass_self_dict__['ffmpeg']=ffmpeg
  __dataclass_self_dict__['length']=length
 return __init__

def _29(_type_kind, _type_frames, _type_bytes, _type_sound, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_sound, _return_type):
 def __init__(self,kind:_type_kind,frames:_type_frames,bytes:_type_bytes,sound:_type_sound=_dflt_sound)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['kind']=kind
  __dataclass_self_dict__['frames']=frames
  __dataclass_self_dict__['bytes']=bytes
  __dataclass_self_dict__['sound']=sound
 return __init__

def _30(_type_kind, _type_url, _type_field, _type_episode, _type_length, _type_mime, _type_duration, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_episode, _dflt_length, _dflt_mime, _dflt_duration, _return_type):
 def __init__(self,kind:_type_kind,url:_type_url,field:_type_field,episode:_type_episode=_dflt_episode,length:_type_length=_dflt_length,mime:_type_mime=_dflt_mime,duration:_type_duration=_dflt_duration)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['kind']=kind
  __dataclass_self_dict__['url']=url
  __dataclass_self_dict__['field']=field
  __dataclass_self_dict__['episode']=episode
  __dataclass_self_dict__['length']=length
  __dataclass_self_dict__['mime']=mime
  __dataclass_self_dict__['duration']=duration
 return __init__

def _31(_type_length, _type_samples, _type_sample_rate, _type_bitrate, _type_channels, _type_mpeg1, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,length:_type_length,samples:_type_samples,sample_rate:_type_sample_rate,bitrate:_type_bitrate,channels:_type_channels,mpeg1:_type_mpeg1)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['length']=length
  __dataclass_self_dict__['samples']=samples
  __dataclass_self_dict__['sample_rate']=sample_rate
  __dataclass_self_dict__['bitrate']=bitrate
  __dataclass_self_dict__['channels']=channels
  __dataclass_self_dict__['mpeg1']=mpeg1
 return __init__

def _32(_type_mime, _type_data, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,mime:_type_mime,data:_type_data)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['mime']=mime
  __dataclass_self_dict__['data']=data
 return __init__

def _33(_type_name, _type_bucket, _type_prefix, _type_region, _type_endpoint_url, _type_addressing, _type_profile, _type_acl, _type_cors, _type_cors_origins, _type_multipart_threshold, _type_multipart_chunk, _type_concurrency, _type_retries, _type_timeout, _type_checksums, _type_type, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_prefix, _dflt_region, _dflt_endpoint_url, _dflt_addressing, _dflt_profile, _dflt_acl, _dflt_cors, _dflt_cors_origins, _dflt_multipart_threshold, _dflt_multipart_chunk, _dflt_concurrency, _dflt_retries, _dflt_timeout, _dflt_checksums, _dflt_type, _return_type):
 def __init__(self,name:_type_name,bucket:_type_bucket,prefix:_type_prefix=_dflt_prefix,region:_type_region=_dflt_region,endpoint_url:_type_endpoint_url=_dflt_endpoint_url,addressing:_type_addressing=_dflt_addressing,profile:_type_profile=_dflt_profile,acl:_type_acl=_dflt_acl,cors:_type_cors=_dflt_cors,cors_origins:_type_cors_origins=_dflt_cors_origins,multipart_threshold:_type_multipart_threshold=_dflt_multipart_threshold,multipart_chunk:_type_multipart_chunk=_dflt_multipart_chunk,concurrency:_type_concurrency=_dflt_concurrency,retries:_type_retries=_dflt_retries,timeout:_type_timeout=_dflt_timeout,checksums:_type_checksums=_dflt_checksums,type:_type_type=_dflt_type)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['name']=name
  __dataclass_self_dict__['bucket']=bucket
  __dataclass_self_dict__['prefix']=prefix
  __dataclass_self_dict__['region']=region
  __dataclass_self_dict__['endpoint_url']=endpoint_url
  __dataclass_self_dict__['addressing']=addressing
  __dataclass_self_dict__['profile']=profile
  __dataclass_self_dict__['acl']=acl
  __dataclass_self_dict__['cors']=cors
  __dataclass_self_dict__['cors_origins']=cors_origins
  __dataclass_self_dict__['multipart_threshold']=multipart_threshold
  __dataclass_self_dict__['multipart_chunk']=multipart_chunk
  __dataclass_self_dict__['concurrency']=concurrency
  __dataclass_self_dict__['retries']=retries
  __dataclass_self_dict__['timeout']=timeout
  __dataclass_self_dict__['checksums']=checksums
  __dataclass_self_dict__['type']=type
 return __init__

def _34(_type_name, _type_destination, _type_ssh, _type_options, _type_type, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_ssh, _dflt_options, _dflt_type, _return_type):
 def __init__(self,name:_type_name,destination:_type_destination,ssh:_type_ssh=_dflt_ssh,options:_type_options=_dflt_options,type:_type_type=_dflt_type)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['name']=name
  __dataclass_self_dict__['destination']=destination
  __dataclass_self_dict__['ssh']=ssh
  __dataclass_self_dict__['options']=options
  __dataclass_self_dict__['type']=type
 return __init__

def _35(_type_name, _type_email, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,name:_type_name,email:_type_email)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['name']=name
  __dataclass_self_dict__['email']=email
 return __init__

def _36(_type_name, _type_geo, _type_osm, _type_rel, _type_country, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_geo, _dflt_osm, _dflt_rel, _dflt_country, _return_type):
 def __init__(self,name:_type_name,geo:_type_geo=_dflt_geo,osm:_type_osm=_dflt_osm,rel:_type_rel=_dflt_rel,country:_type_country=_dflt_country)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['name']=name
  __dataclass_self_dict__['geo']=geo
  __dataclass_self_dict__['osm']=osm
  __dataclass_self_dict__['rel']=rel
  __dataclass_self_dict__['country']=country
 return __init__

def _37(_type_name, _type_path, _type_type, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_type, _return_type):
 def __init__(self,name:_type_name,path:_type_path,type:_type_type=_dflt_type)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['name']=name
  __dataclass_self_dict__['path']=path
  __dataclass_self_dict__['type']=type
 return __init__

def _38(_type_name, _type_role, _type_group, _type_img, _type_href, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_role, _dflt_group, _dflt_img, _dflt_href, _return_type):
 def __init__(self,name:_type_name,role:_type_role=_dflt_role,group:_type_group=_dflt_group,img:_type_img=_dflt_img,href:_type_href=_dflt_href)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['name']=name
  __dataclass_self_dict__['role']=role
  __dataclass_self_dict__['group']=group
  __dataclass_self_dict__['img']=img
  __dataclass_self_dict__['href']=href
 return __init__

def _39(_type_name, _type_start, _type_body, _type_end, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,name:_type_name,start:_type_start,body:_type_body,end:_type_end)->_return_type:
  self.name=name
  self.start=start
  self.body=body
  self.end=end
 return __init__

def _40(_type_name, _type_url, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_url, _return_type):
 def __init__(self,name:_type_name,url:_type_url=_dflt_url)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['name']=name
  __dataclass_self_dict__['url']=url
 return __init__

def _41(_type_next_url, _type_prev_archive_url, _type_current_url, _type_complete, _type_first_url, _type_last_url, _type_previous_url, _type_next_archive_url, _type_archive, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_next_url, _dflt_prev_archive_url, _dflt_current_url, _dflt_complete, _dflt_first_url, _dflt_last_url, _dflt_previous_url, _dflt_next_archive_url, _dflt_archive, _return_type):
 def __init__(self,next_url:_type_next_url=_dflt_next_url,prev_archive_url:_type_prev_archive_url=_dflt_prev_archive_url,current_url:_type_current_url=_dflt_current_url,complete:_type_complete=_dflt_complete,first_url:_type_first_url=_dflt_first_url,last_url:_type_last_url=_dflt_last_url,previous_url:_type_previous_url=_dflt_previous_url,next_archive_url:_type_next_archive_url=_dflt_next_archive_url,archive:_type_archive=_dflt_archive)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['next_url']=next_url
  __dataclass_self_dict__['prev_archive_url']=prev_archive_url
  __dataclass_self_dict__['current_url']=current_url
  __dataclass_self_dict__['complete']=complete
  __dataclass_self_dict__['first_url']=first_url
  __dataclass_self_dict__['last_url']=last_url
  __dataclass_self_dict__['previous_url']=previous_url
  __dataclass_self_dict__['next_archive_url']=next_archive_url
  __dataclass_self_dict__['archive']=archive
 return __init__

def _42(_type_number, _type_name, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_name, _return_type):
 def __init__(self,number:_type_number,name:_type_name=_dflt_name)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['number']=number
  __dataclass_self_dict__['name']=name
 return __init__

def _43(_type_output, _type_episodes, _type_drafts, _type_scheduled, _type_written, _type_unchanged, _type_removed, _type_problems, _type_probed, _type_rendered, _type_kept, _type_seconds, _type_ledger_updated, _type_tagged, _type_ledger, _type_stamp, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_episodes, _dflt_drafts, _dflt_scheduled, _dflt_written, _dflt_unchanged, _dflt_removed, _dflt_problems, _dflt_probed, _dflt_rendered, _dflt_kept, _dflt_seconds, _dflt_ledger_updated, _dflt_tagged, _dflt_ledger, _dflt_stamp, _return_type):
 def __init__(self,output:_type_output,episodes:_type_episodes=_dflt_episodes,drafts:_type_drafts=_dflt_drafts,scheduled:_type_scheduled=_dflt_scheduled,written:_type_written=_HAS_DEFAULT_FACTORY,unchanged:_type_unchanged=_dflt_unchanged,removed:_type_removed=_HAS_DEFAULT_FACTORY,problems:_type_problems=_HAS_DEFAULT_FACTORY,probed:_type_probed=_dflt_probed,rendered:_type_rendered=_dflt_rendered,kept:_type_kept=_dflt_kept,seconds:_type_seconds=_dflt_seconds,ledger_updated:_type_ledger_updated=_dflt_ledger_updated,tagged:_type_tagged=_HAS_DEFAULT_FACTORY,ledger:_type_ledger=_dflt_ledger,stamp:_type_stamp=_dflt_stamp)->_return_type:
  self.output=output
  self.episodes=episodes
  self.drafts=drafts
  self.scheduled=scheduled
  self.written=_dflt_written() if written is _HAS_DEFAULT_FACTORY else written
  self.unchanged=unchanged
  self.removed=_dflt_removed() if removed is _HAS_DEFAULT_FACTORY else removed
  self.problems=_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems
  self.probed=probed
  self.rendered=rendered
  self.kept=kept
  self.seconds=seconds
  self.ledger_updated=ledger_updated
  self.tagged=_dflt_tagged() if tagged is _HAS_DEFAULT_FACTORY else tagged
  self.ledger=ledger
  self.stamp=stamp
 return __init__

def _44(_type_parents, _type_attributes, _type_required, _type_single, _type_text_max, _type_text_required, _type_limits, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_attributes, _dflt_required, _dflt_single, _dflt_text_max, _dflt_text_required, _dflt_limits, _return_type):
 def __init__(self,parents:_type_parents,attributes:_type_attributes=_dflt_attributes,required:_type_required=_dflt_required,single:_type_single=_dflt_single,text_max:_type_text_max=_dflt_text_max,text_required:_type_text_required=_dflt_text_required,limits:_type_limits=_dflt_limits)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['parents']=parents
  __dataclass_self_dict__['attributes']=attributes
  __dataclass_self_dict__['required']=required
  __dataclass_self_dict__['single']=single
  __dataclass_self_dict__['text_max']=text_max
  __dataclass_self_dict__['text_required']=text_required
  __dataclass_self_dict__['limits']=limits
 return __init__

def _45(_type_path, _type_mime, _type_language, _type_generated, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_language, _dflt_generated, _return_type):
 def __init__(self,path:_type_path,mime:_type_mime,language:_type_language=_dflt_language,generated:_type_generated=_dflt_generated)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['path']=path
  __dataclass_self_dict__['mime']=mime
  __dataclass_self_dict__['language']=language
  __dataclass_self_dict__['generated']=generated
 return __init__

def _46(_type_path, _type_size, _type_mime, _type_kind, _type_duration, _type_bitrate, _type_bitrate_mode, _type_sample_rate, _type_channels, _type_video, _type_height, _type_width, _type_picture_codec, _type_tags, _type_chapters, _type_has_cover, _type_lead, _type_declared, _type_codec, _type_chained, _type_index_last, _type_index_blocker, _type_rate_switch, _type_switch_at, _type_cut, _type_movie_length, _type_location, _type_gap, _type_gap_at, _type_sound_tracks, _type_enabled_sound, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_bitrate, _dflt_bitrate_mode, _dflt_sample_rate, _dflt_channels, _dflt_video, _dflt_height, _dflt_width, _dflt_picture_codec, _dflt_tags, _dflt_chapters, _dflt_has_cover, _dflt_lead, _dflt_declared, _dflt_codec, _dflt_chained, _dflt_index_last, _dflt_index_blocker, _dflt_rate_switch, _dflt_switch_at, _dflt_cut, _dflt_movie_length, _dflt_location, _dflt_gap, _dflt_gap_at, _dflt_sound_tracks, _dflt_enabled_sound, _return_type):
 def __init__(self,path:_type_path,size:_type_size,mime:_type_mime,kind:_type_kind,duration:_type_duration,bitrate:_type_bitrate=_dflt_bitrate,bitrate_mode:_type_bitrate_mode=_dflt_bitrate_mode,sample_rate:_type_sample_rate=_dflt_sample_rate,channels:_type_channels=_dflt_channels,video:_type_video=_dflt_video,height:_type_height=_dflt_height,width:_type_width=_dflt_width,picture_codec:_type_picture_codec=_dflt_picture_codec,tags:_type_tags=_HAS_DEFAULT_FACTORY,chapters:_type_chapters=_dflt_chapters,has_cover:_type_has_cover=_dflt_has_cover,lead:_type_lead=_dflt_lead,declared:_type_declared=_dflt_declared,codec:_type_codec=_dflt_codec,chained:_type_chained=_dflt_chained,index_last:_type_index_last=_dflt_index_last,index_blocker:_type_index_blocker=_dflt_index_blocker,rate_switch:_type_rate_switch=_dflt_rate_switch,switch_at:_type_switch_at=_dflt_switch_at,cut:_type_cut=_dflt_cut,movie_length:_type_movie_length=_dflt_movie_length,location:_type_location=_dflt_location,gap:_type_gap=_dflt_gap,gap_at:_type_gap_at=_dflt_gap_at,sound_tracks:_type_sound_tracks=_dflt_sound_tracks,enabled_sound:_type_enabled_sound=_dflt_enabled_sound)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['path']=path
  __dataclass_self_dict__['size']=size
  __dataclass_self_dict__['mime']=mime
  __dataclass_self_dict__['kind']=kind
  __dataclass_self_dict__['duration']=duration
  __dataclass_self_dict__['bitrate']=bitrate
  __dataclass_self_dict__['bitrate_mode']=bitrate_mode
  __dataclass_self_dict__['sample_rate']=sample_rate
  __dataclass_self_dict__['channels']=channels
  __dataclass_self_dict__['video']=video
  __dataclass_self_dict__['height']=height
  __dataclass_self_dict__['width']=width
  __dataclass_self_dict__['picture_codec']=picture_codec
  __dataclass_self_dict__['tags']=_dflt_tags() if tags is _HAS_DEFAULT_FACTORY else tags
  __dataclass_self_dict__['chapters']=chapters
  __dataclass_self_dict__['has_cover']=has_cover
  __dataclass_self_dict__['lead']=lead
  __dataclass_self_dict__['declared']=declared
  __dataclass_self_dict__['codec']=codec
  __dataclass_self_dict__['chained']=chained
  __dataclass_self_dict__['index_last']=index_last
  __dataclass_self_dict__['index_blocker']=index_blocker
  __dataclass_self_dict__['rate_switch']=rate_switch
  __dataclass_self_dict__['switch_at']=switch_at
  __dataclass_self_dict__['cut']=cut
  __dataclass_self_dict__['movie_length']=movie_length
  __dataclass_self_dict__['location']=location
  __dataclass_self_dict__['gap']=gap
  __dataclass_self_dict__['gap_at']=gap_at
  __dataclass_self_dict__['sound_tracks']=sound_tracks
  __dataclass_self_dict__['enabled_sound']=enabled_sound
 return __init__

def _47(_type_path, _type_size, _type_resumed, _type_announced, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_announced, _return_type):
 def __init__(self,path:_type_path,size:_type_size,resumed:_type_resumed,announced:_type_announced=_dflt_announced)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['path']=path
  __dataclass_self_dict__['size']=size
  __dataclass_self_dict__['resumed']=resumed
  __dataclass_self_dict__['announced']=announced
 return __init__

def _48(_type_podcast_guid, _type_feed_url, _type_episodes, _type_artwork, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_podcast_guid, _dflt_feed_url, _dflt_episodes, _dflt_artwork, _return_type):
 def __init__(self,podcast_guid:_type_podcast_guid=_dflt_podcast_guid,feed_url:_type_feed_url=_dflt_feed_url,episodes:_type_episodes=_HAS_DEFAULT_FACTORY,artwork:_type_artwork=_HAS_DEFAULT_FACTORY)->_return_type:
  self.podcast_guid=podcast_guid
  self.feed_url=feed_url
  self.episodes=_dflt_episodes() if episodes is _HAS_DEFAULT_FACTORY else episodes
  self.artwork=_dflt_artwork() if artwork is _HAS_DEFAULT_FACTORY else artwork
 return __init__

def _49(_type_problems, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,problems:_type_problems)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['problems']=problems
 return __init__

def _50(_type_protocol, _type_uri, _type_account_id, _type_account_url, _type_priority, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_uri, _dflt_account_id, _dflt_account_url, _dflt_priority, _return_type):
 def __init__(self,protocol:_type_protocol,uri:_type_uri=_dflt_uri,account_id:_type_account_id=_dflt_account_id,account_url:_type_account_url=_dflt_account_url,priority:_type_priority=_dflt_priority)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['protocol']=protocol
  __dataclass_self_dict__['uri']=uri
  __dataclass_self_dict__['account_id']=account_id
  __dataclass_self_dict__['account_url']=account_url
  __dataclass_self_dict__['priority']=priority
 return __init__

def _51(_type_recipients, _type_time_splits, _type_type, _type_method, _type_suggested, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_type, _dflt_method, _dflt_suggested, _return_type):
 def __init__(self,recipients:_type_recipients,time_splits:_type_time_splits,type:_type_type=_dflt_type,method:_type_method=_dflt_method,suggested:_type_suggested=_dflt_suggested)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['recipients']=recipients
  __dataclass_self_dict__['time_splits']=time_splits
  __dataclass_self_dict__['type']=type
  __dataclass_self_dict__['method']=method
  __dataclass_self_dict__['suggested']=suggested
 return __init__

def _52(_type_rel, _type_path, _type_size, _type_sha256, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,rel:_type_rel,path:_type_path,size:_type_size,sha256:_type_sha256)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['rel']=rel
  __dataclass_self_dict__['path']=path
  __dataclass_self_dict__['size']=size
  __dataclass_self_dict__['sha256']=sha256
 return __init__

def _53(_type_rel, _type_path, _type_size, _type_sha256, _type_type, _type_cache, _type_phase, _type_replaces, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_replaces, _return_type):
 def __init__(self,rel:_type_rel,path:_type_path,size:_type_size,sha256:_type_sha256,type:_type_type,cache:_type_cache,phase:_type_phase,replaces:_type_replaces=_dflt_replaces)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['rel']=rel
  __dataclass_self_dict__['path']=path
  __dataclass_self_dict__['size']=size
  __dataclass_self_dict__['sha256']=sha256
  __dataclass_self_dict__['type']=type
  __dataclass_self_dict__['cache']=cache
  __dataclass_self_dict__['phase']=phase
  __dataclass_self_dict__['replaces']=replaces
 return __init__

def _54(_type_root, _type_out, _type_report, _type_waiting, _type_wait, _type_lock, _type_builds, _type_bases, _type_exit_code, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_waiting, _dflt_wait, _dflt_lock, _dflt_builds, _dflt_bases, _dflt_exit_code, _return_type):
 def __init__(self,root:_type_root,out:_type_out,report:_type_report,waiting:_type_waiting=_dflt_waiting,wait:_type_wait=_dflt_wait,lock:_type_lock=_HAS_DEFAULT_FACTORY,builds:_type_builds=_dflt_builds,bases:_type_bases=_dflt_bases,exit_code:_type_exit_code=_dflt_exit_code)->_return_type:
  self.root=root
  self.out=out
  self.report=report
  self.waiting=waiting
  self.wait=wait
  self.lock=_dflt_lock() if lock is _HAS_DEFAULT_FACTORY else lock
  self.builds=builds
  self.bases=bases
  self.exit_code=exit_code
 return __init__

def _55(_type_root, _type_rebuild, _type_interval, _type_stop, _type_state, _type_failed, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_interval, _dflt_stop, _dflt_state, _dflt_failed, _return_type):
 def __init__(self,root:_type_root,rebuild:_type_rebuild,interval:_type_interval=_dflt_interval,stop:_type_stop=_HAS_DEFAULT_FACTORY,state:_type_state=_HAS_DEFAULT_FACTORY,failed:_type_failed=_dflt_failed)->_return_type:
  self.root=root
  self.rebuild=rebuild
  self.interval=interval
  self.stop=_dflt_stop() if stop is _HAS_DEFAULT_FACTORY else stop
  self.state=_dflt_state() if state is _HAS_DEFAULT_FACTORY else state
  self.failed=failed
 return __init__

def _56(_type_root, _type_show, _type_episodes, _type_media, _type_problems, _type_now, _type_artwork_size, _type_episode_artwork, _type_show_key, _type_fingerprints, _type_notes_keys, _type_cached, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_episodes, _dflt_media, _dflt_problems, _dflt_now, _dflt_artwork_size, _dflt_episode_artwork, _dflt_show_key, _dflt_fingerprints, _dflt_notes_keys, _dflt_cached, _return_type):
 def __init__(self,root:_type_root,show:_type_show,episodes:_type_episodes=_HAS_DEFAULT_FACTORY,media:_type_media=_HAS_DEFAULT_FACTORY,problems:_type_problems=_HAS_DEFAULT_FACTORY,now:_type_now=_HAS_DEFAULT_FACTORY,artwork_size:_type_artwork_size=_dflt_artwork_size,episode_artwork:_type_episode_artwork=_HAS_DEFAULT_FACTORY,show_key:_type_show_key=_dflt_show_key,fingerprints:_type_fingerprints=_HAS_DEFAULT_FACTORY,notes_keys:_type_notes_keys=_HAS_DEFAULT_FACTORY,cached:_type_cached=_HAS_DEFAULT_FACTORY)->_return_type:
  self.root=root
  self.show=show
  self.episodes=_dflt_episodes() if episodes is _HAS_DEFAULT_FACTORY else episodes
  self.media=_dflt_media() if media is _HAS_DEFAULT_FACTORY else media
  self.problems=_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems
  self.now=_dflt_now() if now is _HAS_DEFAULT_FACTORY else now
  self.artwork_size=artwork_size
  self.episode_artwork=_dflt_episode_artwork() if episode_artwork is _HAS_DEFAULT_FACTORY else episode_artwork
  self.show_key=show_key
  self.fingerprints=_dflt_fingerprints() if fingerprints is _HAS_DEFAULT_FACTORY else fingerprints
  self.notes_keys=_dflt_notes_keys() if notes_keys is _HAS_DEFAULT_FACTORY else notes_keys
  self.cached=_dflt_cached() if cached is _HAS_DEFAULT_FACTORY else cached
 return __init__

def _57(_type_root, _type_title, _type_description, _type_url, _type_feed_url, _type_media_url, _type_language, _type_author, _type_owner, _type_category, _type_subcategory, _type_explicit, _type_type, _type_artwork, _type_artwork_alt, _type_copyright, _type_podcast_guid, _type_locked, _type_locked_owner, _type_funding, _type_persons, _type_license, _type_medium, _type_location, _type_keywords, _type_update_frequency, _type_update_rrule, _type_update_dtstart, _type_txt, _type_podroll, _type_value, _type_social, _type_chat, _type_publisher, _type_new_feed_url, _type_block, _type_block_services, _type_complete, _type_links, _type_support, _type_seasons, _type_feed_limit, _type_page_size, _type_checks_select, _type_checks_ignore, _type_tag_on_build, _type_words, _type_publish, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_subcategory, _dflt_explicit, _dflt_type, _dflt_artwork, _dflt_artwork_alt, _dflt_copyright, _dflt_podcast_guid, _dflt_locked, _dflt_locked_owner, _dflt_funding, _dflt_persons, _dflt_license, _dflt_medium, _dflt_location, _dflt_keywords, _dflt_update_frequency, _dflt_update_rrule, _dflt_update_dtstart, _dflt_txt, _dflt_podroll, _dflt_value, _dflt_social, _dflt_chat, _dflt_publisher, _dflt_new_feed_url, _dflt_block, _dflt_block_services, _dflt_complete, _dflt_links, _dflt_support, _dflt_seasons, _dflt_feed_limit, _dflt_page_size, _dflt_checks_select, _dflt_checks_ignore, _dflt_tag_on_build, _dflt_words, _dflt_publish, _return_type):
 def __init__(self,root:_type_root,title:_type_title,description:_type_description,url:_type_url,feed_url:_type_feed_url,media_url:_type_media_url,language:_type_language,author:_type_author,owner:_type_owner,category:_type_category,subcategory:_type_subcategory=_dflt_subcategory,explicit:_type_explicit=_dflt_explicit,type:_type_type=_dflt_type,artwork:_type_artwork=_dflt_artwork,artwork_alt:_type_artwork_alt=_dflt_artwork_alt,copyright:_type_copyright=_dflt_copyright,podcast_guid:_type_podcast_guid=_dflt_podcast_guid,locked:_type_locked=_dflt_locked,locked_owner:_type_locked_owner=_dflt_locked_owner,funding:_type_funding=_dflt_funding,persons:_type_persons=_dflt_persons,license:_type_license=_dflt_license,medium:_type_medium=_dflt_medium,location:_type_location=_dflt_location,keywords:_type_keywords=_dflt_keywords,update_frequency:_type_update_frequency=_dflt_update_frequency,update_rrule:_type_update_rrule=_dflt_update_rrule,update_dtstart:_type_update_dtstart=_dflt_update_dtstart,txt:_type_txt=_dflt_txt,podroll:_type_podroll=_dflt_podroll,value:_type_value=_dflt_value,social:_type_social=_dflt_social,chat:_type_chat=_dflt_chat,publisher:_type_publisher=_dflt_publisher,new_feed_url:_type_new_feed_url=_dflt_new_feed_url,block:_type_block=_dflt_block,block_services:_type_block_services=_dflt_block_services,complete:_type_complete=_dflt_complete,links:_type_links=_dflt_links,support:_type_support=_dflt_support,seasons:_type_seasons=_dflt_seasons,feed_limit:_type_feed_limit=_dflt_feed_limit,page_size:_type_page_size=_dflt_page_size,checks_select:_type_checks_select=_dflt_checks_select,checks_ignore:_type_checks_ignore=_dflt_checks_ignore,tag_on_build:_type_tag_on_build=_dflt_tag_on_build,words:_type_words=_dflt_words,publish:_type_publish=_HAS_DEFAULT_FACTORY)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['root']=root
  __dataclass_self_dict__['title']=title
  __dataclass_self_dict__['description']=description
  __dataclass_self_dict__['url']=url
  __dataclass_self_dict__['feed_url']=feed_url
  __dataclass_self_dict__['media_url']=media_url
  __dataclass_self_dict__['language']=language
  __dataclass_self_dict__['author']=author
  __dataclass_self_dict__['owner']=owner
  __dataclass_self_dict__['category']=category
  __dataclass_self_dict__['subcategory']=subcategory
  __dataclass_self_dict__['explicit']=explicit
  __dataclass_self_dict__['type']=type
  __dataclass_self_dict__['artwork']=artwork
  __dataclass_self_dict__['artwork_alt']=artwork_alt
  __dataclass_self_dict__['copyright']=copyright
  __dataclass_self_dict__['podcast_guid']=podcast_guid
  __dataclass_self_dict__['locked']=locked
  __dataclass_self_dict__['locked_owner']=locked_owner
  __dataclass_self_dict__['funding']=funding
  __dataclass_self_dict__['persons']=persons
  __dataclass_self_dict__['license']=license
  __dataclass_self_dict__['medium']=medium
  __dataclass_self_dict__['location']=location
  __dataclass_self_dict__['keywords']=keywords
  __dataclass_self_dict__['update_frequency']=update_frequency
  __dataclass_self_dict__['update_rrule']=update_rrule
  __dataclass_self_dict__['update_dtstart']=update_dtstart
  __dataclass_self_dict__['txt']=txt
  __dataclass_self_dict__['podroll']=podroll
  __dataclass_self_dict__['value']=value
  __dataclass_self_dict__['social']=social
  __dataclass_self_dict__['chat']=chat
  __dataclass_self_dict__['publisher']=publisher
  __dataclass_self_dict__['new_feed_url']=new_feed_url
  __dataclass_self_dict__['block']=block
  __dataclass_self_dict__['block_services']=block_services
  __dataclass_self_dict__['complete']=complete
  __dataclass_self_dict__['links']=links
  __dataclass_self_dict__['support']=support
  __dataclass_self_dict__['seasons']=seasons
  __dataclass_self_dict__['feed_limit']=feed_limit
  __dataclass_self_dict__['page_size']=page_size
  __dataclass_self_dict__['checks_select']=checks_select
  __dataclass_self_dict__['checks_ignore']=checks_ignore
  __dataclass_self_dict__['tag_on_build']=tag_on_build
  __dataclass_self_dict__['words']=words
  __dataclass_self_dict__['publish']=_dflt_publish() if publish is _HAS_DEFAULT_FACTORY else publish
 return __init__

def _58(_type_server, _type_protocol, _type_account_id, _type_space, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_account_id, _dflt_space, _return_type):
 def __init__(self,server:_type_server,protocol:_type_protocol,account_id:_type_account_id=_dflt_account_id,space:_type_space=_dflt_space)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['server']=server
  __dataclass_self_dict__['protocol']=protocol
  __dataclass_self_dict__['account_id']=account_id
  __dataclass_self_dict__['space']=space
 return __init__

def _59(_type_service, _type_url, _type_ok, _type_status, _type_message, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_status, _dflt_message, _return_type):
 def __init__(self,service:_type_service,url:_type_url,ok:_type_ok,status:_type_status=_dflt_status,message:_type_message=_dflt_message)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['service']=service
  __dataclass_self_dict__['url']=url
  __dataclass_self_dict__['ok']=ok
  __dataclass_self_dict__['status']=status
  __dataclass_self_dict__['message']=message
 return __init__

def _60(_type_sha256, _type_size, _type_type, _type_cache, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_type, _dflt_cache, _return_type):
 def __init__(self,sha256:_type_sha256,size:_type_size,type:_type_type=_dflt_type,cache:_type_cache=_dflt_cache)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['sha256']=sha256
  __dataclass_self_dict__['size']=size
  __dataclass_self_dict__['type']=type
  __dataclass_self_dict__['cache']=cache
 return __init__

def _61(_type_show, _type_feed, _type_old_feed_url, _type_new_feed_url, _type_podcast_guid, _type_show_written, _type_artwork, _type_imported, _type_skipped, _type_downloaded, _type_missing_media, _type_media, _type_failed, _type_problems, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_old_feed_url, _dflt_new_feed_url, _dflt_podcast_guid, _dflt_show_written, _dflt_artwork, _dflt_imported, _dflt_skipped, _dflt_downloaded, _dflt_missing_media, _dflt_media, _dflt_failed, _dflt_problems, _return_type):
 def __init__(self,show:_type_show,feed:_type_feed,old_feed_url:_type_old_feed_url=_dflt_old_feed_url,new_feed_url:_type_new_feed_url=_dflt_new_feed_url,podcast_guid:_type_podcast_guid=_dflt_podcast_guid,show_written:_type_show_written=_dflt_show_written,artwork:_type_artwork=_dflt_artwork,imported:_type_imported=_HAS_DEFAULT_FACTORY,skipped:_type_skipped=_HAS_DEFAULT_FACTORY,downloaded:_type_downloaded=_HAS_DEFAULT_FACTORY,missing_media:_type_missing_media=_HAS_DEFAULT_FACTORY,media:_type_media=_HAS_DEFAULT_FACTORY,failed:_type_failed=_HAS_DEFAULT_FACTORY,problems:_type_problems=_HAS_DEFAULT_FACTORY)->_return_type:
  self.show=show
  self.feed=feed
  self.old_feed_url=old_feed_url
  self.new_feed_url=new_feed_url
  self.podcast_guid=podcast_guid
  self.show_written=show_written
  self.artwork=artwork
  self.imported=_dflt_imported() if imported is _HAS_DEFAULT_FACTORY else imported
  self.skipped=_dflt_skipped() if skipped is _HAS_DEFAULT_FACTORY else skipped
  self.downloaded=_dflt_downloaded() if downloaded is _HAS_DEFAULT_FACTORY else downloaded
  self.missing_media=_dflt_missing_media() if missing_media is _HAS_DEFAULT_FACTORY else missing_media
  self.media=_dflt_media() if media is _HAS_DEFAULT_FACTORY else media
  self.failed=_dflt_failed() if failed is _HAS_DEFAULT_FACTORY else failed
  self.problems=_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems
 return __init__

def _62(_type_slug, _type_number, _type_season, _type_date, _type_title, _type_duration, _type_status, _type_errors, _type_warnings, _type_guid, _type_episode_type, _type_unreadable, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_unreadable, _dflt_reason, _return_type):
 def __init__(self,slug:_type_slug,number:_type_number,season:_type_season,date:_type_date,title:_type_title,duration:_type_duration,status:_type_status,errors:_type_errors,warnings:_type_warnings,guid:_type_guid,episode_type:_type_episode_type,unreadable:_type_unreadable=_dflt_unreadable,reason:_type_reason=_dflt_reason)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['slug']=slug
  __dataclass_self_dict__['number']=number
  __dataclass_self_dict__['season']=season
  __dataclass_self_dict__['date']=date
  __dataclass_self_dict__['title']=title
  __dataclass_self_dict__['duration']=duration
  __dataclass_self_dict__['status']=status
  __dataclass_self_dict__['errors']=errors
  __dataclass_self_dict__['warnings']=warnings
  __dataclass_self_dict__['guid']=guid
  __dataclass_self_dict__['episode_type']=episode_type
  __dataclass_self_dict__['unreadable']=unreadable
  __dataclass_self_dict__['reason']=reason
 return __init__

def _63(_type_slug, _type_path, _type_audio, _type_guid, _type_title, _type_date, _type_season, _type_number, _type_episode_type, _type_draft, _type_duration, _type_problems, _type_chapters, _type_renamed, _type_renamed_because, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_problems, _dflt_chapters, _dflt_renamed, _dflt_renamed_because, _return_type):
 def __init__(self,slug:_type_slug,path:_type_path,audio:_type_audio,guid:_type_guid,title:_type_title,date:_type_date,season:_type_season,number:_type_number,episode_type:_type_episode_type,draft:_type_draft,duration:_type_duration,problems:_type_problems=_dflt_problems,chapters:_type_chapters=_dflt_chapters,renamed:_type_renamed=_dflt_renamed,renamed_because:_type_renamed_because=_dflt_renamed_because)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['slug']=slug
  __dataclass_self_dict__['path']=path
  __dataclass_self_dict__['audio']=audio
  __dataclass_self_dict__['guid']=guid
  __dataclass_self_dict__['title']=title
  __dataclass_self_dict__['date']=date
  __dataclass_self_dict__['season']=season
  __dataclass_self_dict__['number']=number
  __dataclass_self_dict__['episode_type']=episode_type
  __dataclass_self_dict__['draft']=draft
  __dataclass_self_dict__['duration']=duration
  __dataclass_self_dict__['problems']=problems
  __dataclass_self_dict__['chapters']=chapters
  __dataclass_self_dict__['renamed']=renamed
  __dataclass_self_dict__['renamed_because']=renamed_because
 return __init__

def _64(_type_slug, _type_source, _type_title, _type_date, _type_guid, _type_audio, _type_notes_markdown, _type_summary, _type_season, _type_number, _type_decimal_number, _type_episode_display, _type_episode_type, _type_explicit, _type_itunes_title, _type_artwork, _type_artwork_alt, _type_chat, _type_content_links, _type_transcripts, _type_chapters, _type_chapters_source, _type_persons, _type_soundbites, _type_location, _type_license, _type_funding, _type_alternate_enclosures, _type_keywords, _type_txt, _type_value, _type_social, _type_content_note, _type_block, _type_guid_permalink, _type_draft, _type_updated, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_notes_markdown, _dflt_summary, _dflt_season, _dflt_number, _dflt_decimal_number, _dflt_episode_display, _dflt_episode_type, _dflt_explicit, _dflt_itunes_title, _dflt_artwork, _dflt_artwork_alt, _dflt_chat, _dflt_content_links, _dflt_transcripts, _dflt_chapters, _dflt_chapters_source, _dflt_persons, _dflt_soundbites, _dflt_location, _dflt_license, _dflt_funding, _dflt_alternate_enclosures, _dflt_keywords, _dflt_txt, _dflt_value, _dflt_social, _dflt_content_note, _dflt_block, _dflt_guid_permalink, _dflt_draft, _dflt_updated, _return_type):
 def __init__(self,slug:_type_slug,source:_type_source,title:_type_title,date:_type_date,guid:_type_guid,audio:_type_audio,notes_markdown:_type_notes_markdown=_dflt_notes_markdown,summary:_type_summary=_dflt_summary,season:_type_season=_dflt_season,number:_type_number=_dflt_number,decimal_number:_type_decimal_number=_dflt_decimal_number,episode_display:_type_episode_display=_dflt_episode_display,episode_type:_type_episode_type=_dflt_episode_type,explicit:_type_explicit=_dflt_explicit,itunes_title:_type_itunes_title=_dflt_itunes_title,artwork:_type_artwork=_dflt_artwork,artwork_alt:_type_artwork_alt=_dflt_artwork_alt,chat:_type_chat=_dflt_chat,content_links:_type_content_links=_dflt_content_links,transcripts:_type_transcripts=_dflt_transcripts,chapters:_type_chapters=_dflt_chapters,chapters_source:_type_chapters_source=_dflt_chapters_source,persons:_type_persons=_dflt_persons,soundbites:_type_soundbites=_dflt_soundbites,location:_type_location=_dflt_location,license:_type_license=_dflt_license,funding:_type_funding=_dflt_funding,alternate_enclosures:_type_alternate_enclosures=_dflt_alternate_enclosures,keywords:_type_keywords=_dflt_keywords,txt:_type_txt=_dflt_txt,value:_type_value=_dflt_value,social:_type_social=_dflt_social,content_note:_type_content_note=_dflt_content_note,block:_type_block=_dflt_block,guid_permalink:_type_guid_permalink=_dflt_guid_permalink,draft:_type_draft=_dflt_draft,updated:_type_updated=_dflt_updated)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['slug']=slug
  __dataclass_self_dict__['source']=source
  __dataclass_self_dict__['title']=title
  __dataclass_self_dict__['date']=date
  __dataclass_self_dict__['guid']=guid
  __dataclass_self_dict__['audio']=audio
  __dataclass_self_dict__['notes_markdown']=notes_markdown
  __dataclass_self_dict__['summary']=summary
  __dataclass_self_dict__['season']=season
  __dataclass_self_dict__['number']=number
  __dataclass_self_dict__['decimal_number']=decimal_number
  __dataclass_self_dict__['episode_display']=episode_display
  __dataclass_self_dict__['episode_type']=episode_type
  __dataclass_self_dict__['explicit']=explicit
  __dataclass_self_dict__['itunes_title']=itunes_title
  __dataclass_self_dict__['artwork']=artwork
  __dataclass_self_dict__['artwork_alt']=artwork_alt
  __dataclass_self_dict__['chat']=chat
  __dataclass_self_dict__['content_links']=content_links
  __dataclass_self_dict__['transcripts']=transcripts
  __dataclass_self_dict__['chapters']=chapters
  __dataclass_self_dict__['chapters_source']=chapters_source
  __dataclass_self_dict__['persons']=persons
  __dataclass_self_dict__['soundbites']=soundbites
  __dataclass_self_dict__['location']=location
  __dataclass_self_dict__['license']=license
  __dataclass_self_dict__['funding']=funding
  __dataclass_self_dict__['alternate_enclosures']=alternate_enclosures
  __dataclass_self_dict__['keywords']=keywords
  __dataclass_self_dict__['txt']=txt
  __dataclass_self_dict__['value']=value
  __dataclass_self_dict__['social']=social
  __dataclass_self_dict__['content_note']=content_note
  __dataclass_self_dict__['block']=block
  __dataclass_self_dict__['guid_permalink']=guid_permalink
  __dataclass_self_dict__['draft']=draft
  __dataclass_self_dict__['updated']=updated
 return __init__

def _65(_type_slug, _type_where, _type_files, _type_identity, _type_racy, _type_others, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_identity, _dflt_racy, _dflt_others, _return_type):
 def __init__(self,slug:_type_slug,where:_type_where,files:_type_files,identity:_type_identity=_dflt_identity,racy:_type_racy=_dflt_racy,others:_type_others=_dflt_others)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['slug']=slug
  __dataclass_self_dict__['where']=where
  __dataclass_self_dict__['files']=files
  __dataclass_self_dict__['identity']=identity
  __dataclass_self_dict__['racy']=racy
  __dataclass_self_dict__['others']=others
 return __init__

def _66(_type_source, _type_root, _type_channel, _type_itunes, _type_podcast, _type_names, _type_listed, _type_elsewhere, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_itunes, _dflt_podcast, _dflt_names, _dflt_listed, _dflt_elsewhere, _return_type):
 def __init__(self,source:_type_source,root:_type_root,channel:_type_channel,itunes:_type_itunes=_dflt_itunes,podcast:_type_podcast=_dflt_podcast,names:_type_names=_HAS_DEFAULT_FACTORY,listed:_type_listed=_HAS_DEFAULT_FACTORY,elsewhere:_type_elsewhere=_HAS_DEFAULT_FACTORY)->_return_type:
  self.source=source
  self.root=root
  self.channel=channel
  self.itunes=itunes
  self.podcast=podcast
  self.names=_dflt_names() if names is _HAS_DEFAULT_FACTORY else names
  self.listed=_dflt_listed() if listed is _HAS_DEFAULT_FACTORY else listed
  self.elsewhere=_dflt_elsewhere() if elsewhere is _HAS_DEFAULT_FACTORY else elsewhere
 return __init__

def _67(_type_speaker, _type_start, _type_text, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,speaker:_type_speaker,start:_type_start,text:_type_text)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['speaker']=speaker
  __dataclass_self_dict__['start']=start
  __dataclass_self_dict__['text']=text
 return __init__

def _68(_type_start, _type_duration, _type_recipients, _type_remote_item, _type_remote_start, _type_remote_percentage, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_recipients, _dflt_remote_item, _dflt_remote_start, _dflt_remote_percentage, _return_type):
 def __init__(self,start:_type_start,duration:_type_duration,recipients:_type_recipients=_dflt_recipients,remote_item:_type_remote_item=_dflt_remote_item,remote_start:_type_remote_start=_dflt_remote_start,remote_percentage:_type_remote_percentage=_dflt_remote_percentage)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['start']=start
  __dataclass_self_dict__['duration']=duration
  __dataclass_self_dict__['recipients']=recipients
  __dataclass_self_dict__['remote_item']=remote_item
  __dataclass_self_dict__['remote_start']=remote_start
  __dataclass_self_dict__['remote_percentage']=remote_percentage
 return __init__

def _69(_type_start, _type_duration, _type_title, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_title, _return_type):
 def __init__(self,start:_type_start,duration:_type_duration,title:_type_title=_dflt_title)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['start']=start
  __dataclass_self_dict__['duration']=duration
  __dataclass_self_dict__['title']=title
 return __init__

def _70(_type_start, _type_end, _type_text, _type_speaker, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_speaker, _return_type):
 def __init__(self,start:_type_start,end:_type_end,text:_type_text,speaker:_type_speaker=_dflt_speaker)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['start']=start
  __dataclass_self_dict__['end']=end
  __dataclass_self_dict__['text']=text
  __dataclass_self_dict__['speaker']=speaker
 return __init__

def _71(_type_start, _type_title, _type_end, _type_url, _type_toc, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_end, _dflt_url, _dflt_toc, _return_type):
 def __init__(self,start:_type_start,title:_type_title,end:_type_end=_dflt_end,url:_type_url=_dflt_url,toc:_type_toc=_dflt_toc)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['start']=start
  __dataclass_self_dict__['title']=title
  __dataclass_self_dict__['end']=end
  __dataclass_self_dict__['url']=url
  __dataclass_self_dict__['toc']=toc
 return __init__

def _72(_type_start, _type_title, _type_url, _type_img, _type_toc, _type_end, _type_location, _type_geo, _type_origin, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_url, _dflt_img, _dflt_toc, _dflt_end, _dflt_location, _dflt_geo, _dflt_origin, _return_type):
 def __init__(self,start:_type_start,title:_type_title,url:_type_url=_dflt_url,img:_type_img=_dflt_img,toc:_type_toc=_dflt_toc,end:_type_end=_dflt_end,location:_type_location=_dflt_location,geo:_type_geo=_dflt_geo,origin:_type_origin=_dflt_origin)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['start']=start
  __dataclass_self_dict__['title']=title
  __dataclass_self_dict__['url']=url
  __dataclass_self_dict__['img']=img
  __dataclass_self_dict__['toc']=toc
  __dataclass_self_dict__['end']=end
  __dataclass_self_dict__['location']=location
  __dataclass_self_dict__['geo']=geo
  __dataclass_self_dict__['origin']=origin
 return __init__

def _73(_type_status, _type_instructions, _type_rules, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_instructions, _dflt_rules, _return_type):
 def __init__(self,status:_type_status,instructions:_type_instructions=_dflt_instructions,rules:_type_rules=_HAS_DEFAULT_FACTORY)->_return_type:
  self.status=status
  self.instructions=instructions
  self.rules=_dflt_rules() if rules is _HAS_DEFAULT_FACTORY else rules
 return __init__

def _74(_type_stem, _type_items, _type_paging, _type_number, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_number, _return_type):
 def __init__(self,stem:_type_stem,items:_type_items,paging:_type_paging,number:_type_number=_dflt_number)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['stem']=stem
  __dataclass_self_dict__['items']=items
  __dataclass_self_dict__['paging']=paging
  __dataclass_self_dict__['number']=number
 return __init__

def _75(_type_target, _type_kind, _type_problems, _type_episodes, _type_urls_checked, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_problems, _dflt_episodes, _dflt_urls_checked, _return_type):
 def __init__(self,target:_type_target,kind:_type_kind,problems:_type_problems=_HAS_DEFAULT_FACTORY,episodes:_type_episodes=_dflt_episodes,urls_checked:_type_urls_checked=_dflt_urls_checked)->_return_type:
  self.target=target
  self.kind=kind
  self.problems=_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems
  self.episodes=episodes
  self.urls_checked=urls_checked
 return __init__

def _76(_type_target, _type_where, _type_output, _type_dry_run, _type_uploads, _type_unchanged, _type_deleted, _type_protected, _type_stale, _type_cors, _type_notifications, _type_planned_notifications, _type_problems, _type_swept, _type_built, _type_ledger_updated, _type_seconds, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_dry_run, _dflt_uploads, _dflt_unchanged, _dflt_deleted, _dflt_protected, _dflt_stale, _dflt_cors, _dflt_notifications, _dflt_planned_notifications, _dflt_problems, _dflt_swept, _dflt_built, _dflt_ledger_updated, _dflt_seconds, _return_type):
 def __init__(self,target:_type_target,where:_type_where,output:_type_output,dry_run:_type_dry_run=_dflt_dry_run,uploads:_type_uploads=_HAS_DEFAULT_FACTORY,unchanged:_type_unchanged=_dflt_unchanged,deleted:_type_deleted=_HAS_DEFAULT_FACTORY,protected:_type_protected=_HAS_DEFAULT_FACTORY,stale:_type_stale=_HAS_DEFAULT_FACTORY,cors:_type_cors=_HAS_DEFAULT_FACTORY,notifications:_type_notifications=_HAS_DEFAULT_FACTORY,planned_notifications:_type_planned_notifications=_HAS_DEFAULT_FACTORY,problems:_type_problems=_HAS_DEFAULT_FACTORY,swept:_type_swept=_HAS_DEFAULT_FACTORY,built:_type_built=_dflt_built,ledger_updated:_type_ledger_updated=_dflt_ledger_updated,seconds:_type_seconds=_dflt_seconds)->_return_type:
  self.target=target
  self.where=where
  self.output=output
  self.dry_run=dry_run
  self.uploads=_dflt_uploads() if uploads is _HAS_DEFAULT_FACTORY else uploads
  self.unchanged=unchanged
  self.deleted=_dflt_deleted() if deleted is _HAS_DEFAULT_FACTORY else deleted
  self.protected=_dflt_protected() if protected is _HAS_DEFAULT_FACTORY else protected
  self.stale=_dflt_stale() if stale is _HAS_DEFAULT_FACTORY else stale
  self.cors=_dflt_cors() if cors is _HAS_DEFAULT_FACTORY else cors
  self.notifications=_dflt_notifications() if notifications is _HAS_DEFAULT_FACTORY else notifications
  self.planned_notifications=_dflt_planned_notifications() if planned_notifications is _HAS_DEFAULT_FACTORY else planned_notifications
  self.problems=_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems
  self.swept=_dflt_swept() if swept is _HAS_DEFAULT_FACTORY else swept
  self.built=built
  self.ledger_updated=ledger_updated
  self.seconds=seconds
 return __init__

def _77(_type_targets, _type_default, _type_cache, _type_notify, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_targets, _dflt_default, _dflt_cache, _dflt_notify, _return_type):
 def __init__(self,targets:_type_targets=_HAS_DEFAULT_FACTORY,default:_type_default=_dflt_default,cache:_type_cache=_dflt_cache,notify:_type_notify=_dflt_notify)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['targets']=_dflt_targets() if targets is _HAS_DEFAULT_FACTORY else targets
  __dataclass_self_dict__['default']=default
  __dataclass_self_dict__['cache']=cache
  __dataclass_self_dict__['notify']=notify
 return __init__

def _78(_type_title, _type_artist, _type_album_artist, _type_album, _type_track, _type_disc, _type_date, _type_genre, _type_comment, _type_short_description, _type_description, _type_podcast, _type_guid, _type_feed_url, _type_cover, _type_chapters, _type_id3_version, _type_leading_id3, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_title, _dflt_artist, _dflt_album_artist, _dflt_album, _dflt_track, _dflt_disc, _dflt_date, _dflt_genre, _dflt_comment, _dflt_short_description, _dflt_description, _dflt_podcast, _dflt_guid, _dflt_feed_url, _dflt_cover, _dflt_chapters, _dflt_id3_version, _dflt_leading_id3, _return_type):
 def __init__(self,title:_type_title=_dflt_title,artist:_type_artist=_dflt_artist,album_artist:_type_album_artist=_dflt_album_artist,album:_type_album=_dflt_album,track:_type_track=_dflt_track,disc:_type_disc=_dflt_disc,date:_type_date=_dflt_date,genre:_type_genre=_dflt_genre,comment:_type_comment=_dflt_comment,short_description:_type_short_description=_dflt_short_description,description:_type_description=_dflt_description,podcast:_type_podcast=_dflt_podcast,guid:_type_guid=_dflt_guid,feed_url:_type_feed_url=_dflt_feed_url,cover:_type_cover=_dflt_cover,chapters:_type_chapters=_dflt_chapters,id3_version:_type_id3_version=_dflt_id3_version,leading_id3:_type_leading_id3=_dflt_leading_id3)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['title']=title
  __dataclass_self_dict__['artist']=artist
  __dataclass_self_dict__['album_artist']=album_artist
  __dataclass_self_dict__['album']=album
  __dataclass_self_dict__['track']=track
  __dataclass_self_dict__['disc']=disc
  __dataclass_self_dict__['date']=date
  __dataclass_self_dict__['genre']=genre
  __dataclass_self_dict__['comment']=comment
  __dataclass_self_dict__['short_description']=short_description
  __dataclass_self_dict__['description']=description
  __dataclass_self_dict__['podcast']=podcast
  __dataclass_self_dict__['guid']=guid
  __dataclass_self_dict__['feed_url']=feed_url
  __dataclass_self_dict__['cover']=cover
  __dataclass_self_dict__['chapters']=chapters
  __dataclass_self_dict__['id3_version']=id3_version
  __dataclass_self_dict__['leading_id3']=leading_id3
 return __init__

def _79(_type_title, _type_description, _type_link, _type_language, _type_author, _type_owner_name, _type_owner_email, _type_category, _type_subcategory, _type_explicit, _type_show_type, _type_image, _type_copyright, _type_podcast_guid, _type_self_url, _type_new_feed_url, _type_locked, _type_locked_owner, _type_keywords, _type_persons, _type_funding, _type_value, _type_social, _type_license, _type_medium, _type_complete, _type_block, _type_extra, _type_trailers, _type_episodes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_title, _dflt_description, _dflt_link, _dflt_language, _dflt_author, _dflt_owner_name, _dflt_owner_email, _dflt_category, _dflt_subcategory, _dflt_explicit, _dflt_show_type, _dflt_image, _dflt_copyright, _dflt_podcast_guid, _dflt_self_url, _dflt_new_feed_url, _dflt_locked, _dflt_locked_owner, _dflt_keywords, _dflt_persons, _dflt_funding, _dflt_value, _dflt_social, _dflt_license, _dflt_medium, _dflt_complete, _dflt_block, _dflt_extra, _dflt_trailers, _dflt_episodes, _return_type):
 def __init__(self,title:_type_title=_dflt_title,description:_type_description=_dflt_description,link:_type_link=_dflt_link,language:_type_language=_dflt_language,author:_type_author=_dflt_author,owner_name:_type_owner_name=_dflt_owner_name,owner_email:_type_owner_email=_dflt_owner_email,category:_type_category=_dflt_category,subcategory:_type_subcategory=_dflt_subcategory,explicit:_type_explicit=_dflt_explicit,show_type:_type_show_type=_dflt_show_type,image:_type_image=_dflt_image,copyright:_type_copyright=_dflt_copyright,podcast_guid:_type_podcast_guid=_dflt_podcast_guid,self_url:_type_self_url=_dflt_self_url,new_feed_url:_type_new_feed_url=_dflt_new_feed_url,locked:_type_locked=_dflt_locked,locked_owner:_type_locked_owner=_dflt_locked_owner,keywords:_type_keywords=_dflt_keywords,persons:_type_persons=_dflt_persons,funding:_type_funding=_dflt_funding,value:_type_value=_dflt_value,social:_type_social=_dflt_social,license:_type_license=_dflt_license,medium:_type_medium=_dflt_medium,complete:_type_complete=_dflt_complete,block:_type_block=_dflt_block,extra:_type_extra=_HAS_DEFAULT_FACTORY,trailers:_type_trailers=_dflt_trailers,episodes:_type_episodes=_HAS_DEFAULT_FACTORY)->_return_type:
  self.title=title
  self.description=description
  self.link=link
  self.language=language
  self.author=author
  self.owner_name=owner_name
  self.owner_email=owner_email
  self.category=category
  self.subcategory=subcategory
  self.explicit=explicit
  self.show_type=show_type
  self.image=image
  self.copyright=copyright
  self.podcast_guid=podcast_guid
  self.self_url=self_url
  self.new_feed_url=new_feed_url
  self.locked=locked
  self.locked_owner=locked_owner
  self.keywords=keywords
  self.persons=persons
  self.funding=funding
  self.value=value
  self.social=social
  self.license=license
  self.medium=medium
  self.complete=complete
  self.block=block
  self.extra=_dflt_extra() if extra is _HAS_DEFAULT_FACTORY else extra
  self.trailers=trailers
  self.episodes=_dflt_episodes() if episodes is _HAS_DEFAULT_FACTORY else episodes
 return __init__

def _80(_type_title, _type_description, _type_url, _type_author, _type_email, _type_language, _type_category, _type_subcategory, _type_explicit, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_language, _dflt_category, _dflt_subcategory, _dflt_explicit, _return_type):
 def __init__(self,title:_type_title,description:_type_description,url:_type_url,author:_type_author,email:_type_email,language:_type_language=_dflt_language,category:_type_category=_dflt_category,subcategory:_type_subcategory=_dflt_subcategory,explicit:_type_explicit=_dflt_explicit)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['title']=title
  __dataclass_self_dict__['description']=description
  __dataclass_self_dict__['url']=url
  __dataclass_self_dict__['author']=author
  __dataclass_self_dict__['email']=email
  __dataclass_self_dict__['language']=language
  __dataclass_self_dict__['category']=category
  __dataclass_self_dict__['subcategory']=subcategory
  __dataclass_self_dict__['explicit']=explicit
 return __init__

def _81(_type_uploads, _type_deletions, _type_protected, _type_stale, _type_unchanged, _type_manifest, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_uploads, _dflt_deletions, _dflt_protected, _dflt_stale, _dflt_unchanged, _dflt_manifest, _return_type):
 def __init__(self,uploads:_type_uploads=_HAS_DEFAULT_FACTORY,deletions:_type_deletions=_HAS_DEFAULT_FACTORY,protected:_type_protected=_HAS_DEFAULT_FACTORY,stale:_type_stale=_HAS_DEFAULT_FACTORY,unchanged:_type_unchanged=_HAS_DEFAULT_FACTORY,manifest:_type_manifest=_HAS_DEFAULT_FACTORY)->_return_type:
  self.uploads=_dflt_uploads() if uploads is _HAS_DEFAULT_FACTORY else uploads
  self.deletions=_dflt_deletions() if deletions is _HAS_DEFAULT_FACTORY else deletions
  self.protected=_dflt_protected() if protected is _HAS_DEFAULT_FACTORY else protected
  self.stale=_dflt_stale() if stale is _HAS_DEFAULT_FACTORY else stale
  self.unchanged=_dflt_unchanged() if unchanged is _HAS_DEFAULT_FACTORY else unchanged
  self.manifest=_dflt_manifest() if manifest is _HAS_DEFAULT_FACTORY else manifest
 return __init__

def _82(_type_url, _type_final_url, _type_status, _type_headers, _type_body, _type_truncated, _type_redirects, _type_error, _type_timed_out, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_final_url, _dflt_status, _dflt_headers, _dflt_body, _dflt_truncated, _dflt_redirects, _dflt_error, _dflt_timed_out, _return_type):
 def __init__(self,url:_type_url,final_url:_type_final_url=_dflt_final_url,status:_type_status=_dflt_status,headers:_type_headers=_HAS_DEFAULT_FACTORY,body:_type_body=_dflt_body,truncated:_type_truncated=_dflt_truncated,redirects:_type_redirects=_HAS_DEFAULT_FACTORY,error:_type_error=_dflt_error,timed_out:_type_timed_out=_dflt_timed_out)->_return_type:
  self.url=url
  self.final_url=final_url
  self.status=status
  self.headers=_dflt_headers() if headers is _HAS_DEFAULT_FACTORY else headers
  self.body=body
  self.truncated=truncated
  self.redirects=_dflt_redirects() if redirects is _HAS_DEFAULT_FACTORY else redirects
  self.error=error
  self.timed_out=timed_out
 return __init__

def _83(_type_url, _type_mime, _type_language, _type_length, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_mime, _dflt_language, _dflt_length, _return_type):
 def __init__(self,url:_type_url,mime:_type_mime=_dflt_mime,language:_type_language=_dflt_language,length:_type_length=_dflt_length)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['url']=url
  __dataclass_self_dict__['mime']=mime
  __dataclass_self_dict__['language']=language
  __dataclass_self_dict__['length']=length
 return __init__

def _84(_type_url, _type_mime, _type_rel, _type_language, _type_captions, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_rel, _dflt_language, _dflt_captions, _dflt_source, _return_type):
 def __init__(self,url:_type_url,mime:_type_mime,rel:_type_rel=_dflt_rel,language:_type_language=_dflt_language,captions:_type_captions=_dflt_captions,source:_type_source=_dflt_source)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['url']=url
  __dataclass_self_dict__['mime']=mime
  __dataclass_self_dict__['rel']=rel
  __dataclass_self_dict__['language']=language
  __dataclass_self_dict__['captions']=captions
  __dataclass_self_dict__['source']=source
 return __init__

def _85(_type_url, _type_text, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):
 def __init__(self,url:_type_url,text:_type_text)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['url']=url
  __dataclass_self_dict__['text']=text
 return __init__

def _86(_type_websub, _type_podcastindex, _type_podping, _type_timeout, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_websub, _dflt_podcastindex, _dflt_podping, _dflt_timeout, _return_type):
 def __init__(self,websub:_type_websub=_dflt_websub,podcastindex:_type_podcastindex=_dflt_podcastindex,podping:_type_podping=_dflt_podping,timeout:_type_timeout=_dflt_timeout)->_return_type:
  __dataclass_self_dict__=self.__dict__
  __dataclass_self_dict__['websub']=websub
  __dataclass_self_dict__['podcastindex']=podcastindex
  __dataclass_self_dict__['podping']=podping
  __dataclass_self_dict__['timeout']=timeout
 return __init__

def _87(_type_written, _type_unchanged, _type_removed, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_written, _dflt_unchanged, _dflt_removed, _return_type):
 def __init__(self,written:_type_written=_HAS_DEFAULT_FACTORY,unchanged:_type_unchanged=_dflt_unchanged,removed:_type_removed=_HAS_DEFAULT_FACTORY)->_return_type:
  self.written=_dflt_written() if written is _HAS_DEFAULT_FACTORY else written
  self.unchanged=unchanged
  self.removed=_dflt_removed() if removed is _HAS_DEFAULT_FACTORY else removed
 return __init__

def _88(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('address','type','split','name','fee','custom_key','custom_value',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _89(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('at','moov','tables',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _90(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('code','sets','severity','title','explain',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _91(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('connect_timeout','read_timeout','deadline','retries','backoff','workers','max_redirects','max_feed_bytes','max_file_bytes','probe_bytes',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _92(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('duration','frames','bitrate','mode','sample_rate','channels','header','start','end','junk','cut','lead','layer','switch','gap','gap_at',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _93(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('episode','media','page_path','page_url','enclosure_path','enclosure_url','image_url','image_path','image_size','chapters_url','transcripts','alternates','embed_url','oembed_url','media_file','notes',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _94(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('feed','pages','images','media',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _95(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('feed_guid','feed_url','title','item_guid','medium',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _96(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('field','old','new',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _97(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('file','code','severity','message','field','hint','episode','episodes',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _98(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('file','mime','url','title','default','length','bitrate','integrity','height','lang','rel','codecs','sources',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _99(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('guid','url','length','duration','title','date',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _100(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('html','description','text',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _101(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('index','source','copy','media_file','wanted','art','rel','media','ffmpeg','length',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _102(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('kind','frames','bytes','sound',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _103(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('kind','url','field','episode','length','mime','duration',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _104(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('length','samples','sample_rate','bitrate','channels','mpeg1',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _105(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('mime','data',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _106(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('name','bucket','prefix','region','endpoint_url','addressing','profile','acl','cors','cors_origins','multipart_threshold','multipart_chunk','concurrency','retries','timeout','checksums','type',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _107(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('name','destination','ssh','options','type',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _108(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('name','email',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _109(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('name','geo','osm','rel','country',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _110(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('name','path','type',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _111(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('name','role','group','img','href',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _112(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('name','url',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _113(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('next_url','prev_archive_url','current_url','complete','first_url','last_url','previous_url','next_archive_url','archive',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _114(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('number','name',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _115(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('parents','attributes','required','single','text_max','text_required','limits',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _116(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('path','mime','language','generated',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _117(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('path','size','mime','kind','duration','bitrate','bitrate_mode','sample_rate','channels','video','height','width','picture_codec','tags','chapters','has_cover','lead','declared','codec','chained','index_last','index_blocker','rate_switch','switch_at','cut','movie_length','location','gap','gap_at','sound_tracks','enabled_sound',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _118(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('path','size','resumed','announced',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _119(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('problems',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _120(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('protocol','uri','account_id','account_url','priority',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _121(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('recipients','time_splits','type','method','suggested',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _122(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('rel','path','size','sha256','type','cache','phase','replaces',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _123(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('rel','path','size','sha256',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _124(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('root','title','description','url','feed_url','media_url','language','author','owner','category','subcategory','explicit','type','artwork','artwork_alt','copyright','podcast_guid','locked','locked_owner','funding','persons','license','medium','location','keywords','update_frequency','update_rrule','update_dtstart','txt','podroll','value','social','chat','publisher','new_feed_url','block','block_services','complete','links','support','seasons','feed_limit','page_size','checks_select','checks_ignore','tag_on_build','words','publish',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _125(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('server','protocol','account_id','space',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _126(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('service','url','ok','status','message',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _127(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('sha256','size','type','cache',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _128(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('slug','number','season','date','title','duration','status','errors','warnings','guid','episode_type','unreadable','reason',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _129(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('slug','path','audio','guid','title','date','season','number','episode_type','draft','duration','problems','chapters','renamed','renamed_because',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _130(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('slug','source','title','date','guid','audio','notes_markdown','summary','season','number','decimal_number','episode_display','episode_type','explicit','itunes_title','artwork','artwork_alt','chat','content_links','transcripts','chapters','chapters_source','persons','soundbites','location','license','funding','alternate_enclosures','keywords','txt','value','social','content_note','block','guid_permalink','draft','updated',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _131(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('slug','where','files','identity','racy','others',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _132(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('speaker','start','text',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _133(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('start','duration','recipients','remote_item','remote_start','remote_percentage',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _134(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('start','duration','title',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _135(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('start','end','text','speaker',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _136(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('start','title','end','url','toc',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _137(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('start','title','url','img','toc','end','location','geo','origin',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _138(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('stem','items','paging','number',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _139(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('targets','default','cache','notify',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _140(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('title','artist','album_artist','album','track','disc','date','genre','comment','short_description','description','podcast','guid','feed_url','cover','chapters','id3_version','leading_id3',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _141(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('title','description','url','author','email','language','category','subcategory','explicit',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _142(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('url','mime','language','length',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _143(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('url','mime','rel','language','captions','source',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _144(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('url','text',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _145(cls, FrozenInstanceError):
 def __delattr__(self,name):
  if type(self) is cls or name in ('websub','podcastindex','podping','timeout',):
   raise FrozenInstanceError(f"cannot delete field {name!r}")
  super(cls, self).__delattr__(name)
 return __delattr__

def _146(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('address','type','split','name','fee','custom_key','custom_value',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _147(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('at','moov','tables',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _148(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('code','sets','severity','title','explain',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _149(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('connect_timeout','read_timeout','deadline','retries','backoff','workers','max_redirects','max_feed_bytes','max_file_bytes','probe_bytes',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _150(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('duration','frames','bitrate','mode','sample_rate','channels','header','start','end','junk','cut','lead','layer','switch','gap','gap_at',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _151(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('episode','media','page_path','page_url','enclosure_path','enclosure_url','image_url','image_path','image_size','chapters_url','transcripts','alternates','embed_url','oembed_url','media_file','notes',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _152(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('feed','pages','images','media',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _153(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('feed_guid','feed_url','title','item_guid','medium',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _154(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('field','old','new',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _155(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('file','code','severity','message','field','hint','episode','episodes',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _156(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('file','mime','url','title','default','length','bitrate','integrity','height','lang','rel','codecs','sources',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _157(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('guid','url','length','duration','title','date',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _158(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('html','description','text',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _159(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('index','source','copy','media_file','wanted','art','rel','media','ffmpeg','length',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _160(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('kind','frames','bytes','sound',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _161(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('kind','url','field','episode','length','mime','duration',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _162(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('length','samples','sample_rate','bitrate','channels','mpeg1',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _163(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('mime','data',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _164(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('name','bucket','prefix','region','endpoint_url','addressing','profile','acl','cors','cors_origins','multipart_threshold','multipart_chunk','concurrency','retries','timeout','checksums','type',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _165(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('name','destination','ssh','options','type',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _166(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('name','email',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _167(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('name','geo','osm','rel','country',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _168(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('name','path','type',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _169(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('name','role','group','img','href',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _170(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('name','url',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _171(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('next_url','prev_archive_url','current_url','complete','first_url','last_url','previous_url','next_archive_url','archive',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _172(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('number','name',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _173(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('parents','attributes','required','single','text_max','text_required','limits',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _174(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('path','mime','language','generated',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _175(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('path','size','mime','kind','duration','bitrate','bitrate_mode','sample_rate','channels','video','height','width','picture_codec','tags','chapters','has_cover','lead','declared','codec','chained','index_last','index_blocker','rate_switch','switch_at','cut','movie_length','location','gap','gap_at','sound_tracks','enabled_sound',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _176(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('path','size','resumed','announced',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _177(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('problems',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _178(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('protocol','uri','account_id','account_url','priority',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _179(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('recipients','time_splits','type','method','suggested',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _180(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('rel','path','size','sha256','type','cache','phase','replaces',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _181(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('rel','path','size','sha256',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _182(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('root','title','description','url','feed_url','media_url','language','author','owner','category','subcategory','explicit','type','artwork','artwork_alt','copyright','podcast_guid','locked','locked_owner','funding','persons','license','medium','location','keywords','update_frequency','update_rrule','update_dtstart','txt','podroll','value','social','chat','publisher','new_feed_url','block','block_services','complete','links','support','seasons','feed_limit','page_size','checks_select','checks_ignore','tag_on_build','words','publish',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _183(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('server','protocol','account_id','space',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _184(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('service','url','ok','status','message',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _185(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('sha256','size','type','cache',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _186(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('slug','number','season','date','title','duration','status','errors','warnings','guid','episode_type','unreadable','reason',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _187(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('slug','path','audio','guid','title','date','season','number','episode_type','draft','duration','problems','chapters','renamed','renamed_because',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _188(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('slug','source','title','date','guid','audio','notes_markdown','summary','season','number','decimal_number','episode_display','episode_type','explicit','itunes_title','artwork','artwork_alt','chat','content_links','transcripts','chapters','chapters_source','persons','soundbites','location','license','funding','alternate_enclosures','keywords','txt','value','social','content_note','block','guid_permalink','draft','updated',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _189(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('slug','where','files','identity','racy','others',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _190(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('speaker','start','text',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _191(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('start','duration','recipients','remote_item','remote_start','remote_percentage',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _192(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('start','duration','title',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _193(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('start','end','text','speaker',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _194(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('start','title','end','url','toc',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _195(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('start','title','url','img','toc','end','location','geo','origin',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _196(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('stem','items','paging','number',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _197(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('targets','default','cache','notify',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _198(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('title','artist','album_artist','album','track','disc','date','genre','comment','short_description','description','podcast','guid','feed_url','cover','chapters','id3_version','leading_id3',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _199(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('title','description','url','author','email','language','category','subcategory','explicit',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _200(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('url','mime','language','length',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _201(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('url','mime','rel','language','captions','source',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _202(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('url','text',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _203(cls, FrozenInstanceError):
 def __setattr__(self,name,value):
  if type(self) is cls or name in ('websub','podcastindex','podping','timeout',):
   raise FrozenInstanceError(f"cannot assign to field {name!r}")
  super(cls, self).__setattr__(name, value)
 return __setattr__

def _204(value):
    return [
        (v0 if (v0 := value.path).__class__ in plain else dump(v0)),
        (v1 if (v1 := value.size).__class__ in plain else dump(v1)),
        (v2 if (v2 := value.mime).__class__ in plain else dump(v2)),
        (v3 if (v3 := value.kind).__class__ in plain else dump(v3)),
        (v4 if (v4 := value.duration).__class__ in plain else dump(v4)),
        (v5 if (v5 := value.bitrate).__class__ in plain else dump(v5)),
        (v6 if (v6 := value.bitrate_mode).__class__ in plain else dump(v6)),
        (v7 if (v7 := value.sample_rate).__class__ in plain else dump(v7)),
        (v8 if (v8 := value.channels).__class__ in plain else dump(v8)),
        (v9 if (v9 := value.video).__class__ in plain else dump(v9)),
        (v10 if (v10 := value.height).__class__ in plain else dump(v10)),
        (v11 if (v11 := value.width).__class__ in plain else dump(v11)),
        (v12 if (v12 := value.picture_codec).__class__ in plain else dump(v12)),
        (v13 if (v13 := value.tags).__class__ in plain else dump(v13)),
        (v14 if (v14 := value.chapters).__class__ in plain else dump(v14)),
        (v15 if (v15 := value.has_cover).__class__ in plain else dump(v15)),
        (v16 if (v16 := value.lead).__class__ in plain else dump(v16)),
        (v17 if (v17 := value.declared).__class__ in plain else dump(v17)),
        (v18 if (v18 := value.codec).__class__ in plain else dump(v18)),
        (v19 if (v19 := value.chained).__class__ in plain else dump(v19)),
        (v20 if (v20 := value.index_last).__class__ in plain else dump(v20)),
        (v21 if (v21 := value.index_blocker).__class__ in plain else dump(v21)),
        (v22 if (v22 := value.rate_switch).__class__ in plain else dump(v22)),
        (v23 if (v23 := value.switch_at).__class__ in plain else dump(v23)),
        (v24 if (v24 := value.cut).__class__ in plain else dump(v24)),
        (v25 if (v25 := value.movie_length).__class__ in plain else dump(v25)),
        (v26 if (v26 := value.location).__class__ in plain else dump(v26)),
        (v27 if (v27 := value.gap).__class__ in plain else dump(v27)),
        (v28 if (v28 := value.gap_at).__class__ in plain else dump(v28)),
        (v29 if (v29 := value.sound_tracks).__class__ in plain else dump(v29)),
        (v30 if (v30 := value.enabled_sound).__class__ in plain else dump(v30)),
    ]

def _205(value):
    return [
        (v0 if (v0 := value.slug).__class__ in plain else dump(v0)),
        (v1 if (v1 := value.source).__class__ in plain else dump(v1)),
        (v2 if (v2 := value.title).__class__ in plain else dump(v2)),
        (v3 if (v3 := value.date).__class__ in plain else dump(v3)),
        (v4 if (v4 := value.guid).__class__ in plain else dump(v4)),
        (v5 if (v5 := value.audio).__class__ in plain else dump(v5)),
        (v6 if (v6 := value.notes_markdown).__class__ in plain else dump(v6)),
        (v7 if (v7 := value.summary).__class__ in plain else dump(v7)),
        (v8 if (v8 := value.season).__class__ in plain else dump(v8)),
        (v9 if (v9 := value.number).__class__ in plain else dump(v9)),
        (v10 if (v10 := value.decimal_number).__class__ in plain else dump(v10)),
        (v11 if (v11 := value.episode_display).__class__ in plain else dump(v11)),
        (v12 if (v12 := value.episode_type).__class__ in plain else dump(v12)),
        (v13 if (v13 := value.explicit).__class__ in plain else dump(v13)),
        (v14 if (v14 := value.itunes_title).__class__ in plain else dump(v14)),
        (v15 if (v15 := value.artwork).__class__ in plain else dump(v15)),
        (v16 if (v16 := value.artwork_alt).__class__ in plain else dump(v16)),
        (v17 if (v17 := value.chat).__class__ in plain else dump(v17)),
        (v18 if (v18 := value.content_links).__class__ in plain else dump(v18)),
        (v19 if (v19 := value.transcripts).__class__ in plain else dump(v19)),
        (v20 if (v20 := value.chapters).__class__ in plain else dump(v20)),
        (v21 if (v21 := value.chapters_source).__class__ in plain else dump(v21)),
        (v22 if (v22 := value.persons).__class__ in plain else dump(v22)),
        (v23 if (v23 := value.soundbites).__class__ in plain else dump(v23)),
        (v24 if (v24 := value.location).__class__ in plain else dump(v24)),
        (v25 if (v25 := value.license).__class__ in plain else dump(v25)),
        (v26 if (v26 := value.funding).__class__ in plain else dump(v26)),
        (v27 if (v27 := value.alternate_enclosures).__class__ in plain else dump(v27)),
        (v28 if (v28 := value.keywords).__class__ in plain else dump(v28)),
        (v29 if (v29 := value.txt).__class__ in plain else dump(v29)),
        (v30 if (v30 := value.value).__class__ in plain else dump(v30)),
        (v31 if (v31 := value.social).__class__ in plain else dump(v31)),
        (v32 if (v32 := value.content_note).__class__ in plain else dump(v32)),
        (v33 if (v33 := value.block).__class__ in plain else dump(v33)),
        (v34 if (v34 := value.guid_permalink).__class__ in plain else dump(v34)),
        (v35 if (v35 := value.draft).__class__ in plain else dump(v35)),
        (v36 if (v36 := value.updated).__class__ in plain else dump(v36)),
    ]

def _206(value):
    return {
        'name': (v0 if (v0 := value.name).__class__ in plain else dump(v0)),
        'email': (v1 if (v1 := value.email).__class__ in plain else dump(v1)),
    }

def _207(value):
    return {
        'name': (v0 if (v0 := value.name).__class__ in plain else dump(v0)),
        'geo': (v1 if (v1 := value.geo).__class__ in plain else dump(v1)),
        'osm': (v2 if (v2 := value.osm).__class__ in plain else dump(v2)),
        'rel': (v3 if (v3 := value.rel).__class__ in plain else dump(v3)),
        'country': (v4 if (v4 := value.country).__class__ in plain else dump(v4)),
    }

def _208(value):
    return {
        'name': (v0 if (v0 := value.name).__class__ in plain else dump(v0)),
        'role': (v1 if (v1 := value.role).__class__ in plain else dump(v1)),
        'group': (v2 if (v2 := value.group).__class__ in plain else dump(v2)),
        'img': (v3 if (v3 := value.img).__class__ in plain else dump(v3)),
        'href': (v4 if (v4 := value.href).__class__ in plain else dump(v4)),
    }

def _209(value):
    return {
        'name': (v0 if (v0 := value.name).__class__ in plain else dump(v0)),
        'url': (v1 if (v1 := value.url).__class__ in plain else dump(v1)),
    }

def _210(value):
    return {
        'number': (v0 if (v0 := value.number).__class__ in plain else dump(v0)),
        'name': (v1 if (v1 := value.name).__class__ in plain else dump(v1)),
    }

def _211(value):
    return {
        'path': (v0 if (v0 := value.path).__class__ in plain else dump(v0)),
        'mime': (v1 if (v1 := value.mime).__class__ in plain else dump(v1)),
        'language': (v2 if (v2 := value.language).__class__ in plain else dump(v2)),
        'generated': (v3 if (v3 := value.generated).__class__ in plain else dump(v3)),
    }

def _212(value):
    return {
        'root': (v0 if (v0 := value.root).__class__ in plain else dump(v0)),
        'title': (v1 if (v1 := value.title).__class__ in plain else dump(v1)),
        'description': (v2 if (v2 := value.description).__class__ in plain else dump(v2)),
        'url': (v3 if (v3 := value.url).__class__ in plain else dump(v3)),
        'feed_url': (v4 if (v4 := value.feed_url).__class__ in plain else dump(v4)),
        'media_url': (v5 if (v5 := value.media_url).__class__ in plain else dump(v5)),
        'language': (v6 if (v6 := value.language).__class__ in plain else dump(v6)),
        'author': (v7 if (v7 := value.author).__class__ in plain else dump(v7)),
        'owner': (v8 if (v8 := value.owner).__class__ in plain else dump(v8)),
        'category': (v9 if (v9 := value.category).__class__ in plain else dump(v9)),
        'subcategory': (v10 if (v10 := value.subcategory).__class__ in plain else dump(v10)),
        'explicit': (v11 if (v11 := value.explicit).__class__ in plain else dump(v11)),
        'type': (v12 if (v12 := value.type).__class__ in plain else dump(v12)),
        'artwork': (v13 if (v13 := value.artwork).__class__ in plain else dump(v13)),
        'artwork_alt': (v14 if (v14 := value.artwork_alt).__class__ in plain else dump(v14)),
        'copyright': (v15 if (v15 := value.copyright).__class__ in plain else dump(v15)),
        'podcast_guid': (v16 if (v16 := value.podcast_guid).__class__ in plain else dump(v16)),
        'locked': (v17 if (v17 := value.locked).__class__ in plain else dump(v17)),
        'locked_owner': (v18 if (v18 := value.locked_owner).__class__ in plain else dump(v18)),
        'funding': (v19 if (v19 := value.funding).__class__ in plain else dump(v19)),
        'persons': (v20 if (v20 := value.persons).__class__ in plain else dump(v20)),
        'license': (v21 if (v21 := value.license).__class__ in plain else dump(v21)),
        'medium': (v22 if (v22 := value.medium).__class__ in plain else dump(v22)),
        'location': (v23 if (v23 := value.location).__class__ in plain else dump(v23)),
        'keywords': (v24 if (v24 := value.keywords).__class__ in plain else dump(v24)),
        'update_frequency': (v25 if (v25 := value.update_frequency).__class__ in plain else dump(v25)),
        'update_rrule': (v26 if (v26 := value.update_rrule).__class__ in plain else dump(v26)),
        'update_dtstart': (v27 if (v27 := value.update_dtstart).__class__ in plain else dump(v27)),
        'txt': (v28 if (v28 := value.txt).__class__ in plain else dump(v28)),
        'podroll': (v29 if (v29 := value.podroll).__class__ in plain else dump(v29)),
        'value': (v30 if (v30 := value.value).__class__ in plain else dump(v30)),
        'social': (v31 if (v31 := value.social).__class__ in plain else dump(v31)),
        'chat': (v32 if (v32 := value.chat).__class__ in plain else dump(v32)),
        'publisher': (v33 if (v33 := value.publisher).__class__ in plain else dump(v33)),
        'new_feed_url': (v34 if (v34 := value.new_feed_url).__class__ in plain else dump(v34)),
        'block': (v35 if (v35 := value.block).__class__ in plain else dump(v35)),
        'block_services': (v36 if (v36 := value.block_services).__class__ in plain else dump(v36)),
        'complete': (v37 if (v37 := value.complete).__class__ in plain else dump(v37)),
        'links': (v38 if (v38 := value.links).__class__ in plain else dump(v38)),
        'support': (v39 if (v39 := value.support).__class__ in plain else dump(v39)),
        'seasons': (v40 if (v40 := value.seasons).__class__ in plain else dump(v40)),
        'feed_limit': (v41 if (v41 := value.feed_limit).__class__ in plain else dump(v41)),
        'page_size': (v42 if (v42 := value.page_size).__class__ in plain else dump(v42)),
        'checks_select': (v43 if (v43 := value.checks_select).__class__ in plain else dump(v43)),
        'checks_ignore': (v44 if (v44 := value.checks_ignore).__class__ in plain else dump(v44)),
        'tag_on_build': (v45 if (v45 := value.tag_on_build).__class__ in plain else dump(v45)),
        'words': (v46 if (v46 := value.words).__class__ in plain else dump(v46)),
        'publish': (v47 if (v47 := value.publish).__class__ in plain else dump(v47)),
    }

def _213(value):
    return {
        'start': (v0 if (v0 := value.start).__class__ in plain else dump(v0)),
        'duration': (v1 if (v1 := value.duration).__class__ in plain else dump(v1)),
        'title': (v2 if (v2 := value.title).__class__ in plain else dump(v2)),
    }

def _214(value):
    return {
        'start': (v0 if (v0 := value.start).__class__ in plain else dump(v0)),
        'title': (v1 if (v1 := value.title).__class__ in plain else dump(v1)),
        'url': (v2 if (v2 := value.url).__class__ in plain else dump(v2)),
        'img': (v3 if (v3 := value.img).__class__ in plain else dump(v3)),
        'toc': (v4 if (v4 := value.toc).__class__ in plain else dump(v4)),
        'end': (v5 if (v5 := value.end).__class__ in plain else dump(v5)),
        'location': (v6 if (v6 := value.location).__class__ in plain else dump(v6)),
        'geo': (v7 if (v7 := value.geo).__class__ in plain else dump(v7)),
        'origin': (v8 if (v8 := value.origin).__class__ in plain else dump(v8)),
    }

def _215(value):
    return {
        'url': (v0 if (v0 := value.url).__class__ in plain else dump(v0)),
        'text': (v1 if (v1 := value.text).__class__ in plain else dump(v1)),
    }

def _216(data):
    if data.__class__ is not dict or len(data) != 13 or tuple(data) != ('file', 'mime', 'url', 'title', 'default', 'length', 'bitrate', 'integrity', 'height', 'lang', 'rel', 'codecs', 'sources'):
        return general(data)
    (v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, ) = data.values()
    if v0.__class__ is not t0:
        v0 = f0(v0)
    if v1.__class__ is not t1:
        v1 = f1(v1)
    if v2.__class__ is not t2:
        v2 = f2(v2)
    if v3.__class__ is not t3:
        v3 = f3(v3)
    if v4.__class__ is not t4:
        v4 = f4(v4)
    if v5.__class__ is not t5:
        v5 = f5(v5)
    if v6.__class__ is not t6:
        v6 = f6(v6)
    if v7.__class__ is not t7:
        v7 = f7(v7)
    if v8.__class__ is not t8:
        v8 = f8(v8)
    if v9.__class__ is not t9:
        v9 = f9(v9)
    if v10.__class__ is not t10:
        v10 = f10(v10)
    if v11.__class__ is not t11:
        v11 = f11(v11)
    v12 = () if v12.__class__ is list and not v12 else f12(v12)
    return cls(v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, )

def _217(data):
    if data.__class__ is not dict or len(data) != 2 or tuple(data) != ('name', 'url'):
        return general(data)
    (v0, v1, ) = data.values()
    if v0.__class__ is not t0:
        v0 = f0(v0)
    if v1.__class__ is not t1:
        v1 = f1(v1)
    return cls(v0, v1, )

def _218(data):
    if data.__class__ is not dict or len(data) != 2 or tuple(data) != ('number', 'name'):
        return general(data)
    (v0, v1, ) = data.values()
    if v0.__class__ is not t0:
        v0 = f0(v0)
    if v1.__class__ is not t1:
        v1 = f1(v1)
    return cls(v0, v1, )

def _219(data):
    if data.__class__ is not dict or len(data) != 2 or tuple(data) != ('url', 'text'):
        return general(data)
    (v0, v1, ) = data.values()
    if v0.__class__ is not t0:
        v0 = f0(v0)
    if v1.__class__ is not t1:
        v1 = f1(v1)
    return cls(v0, v1, )

def _220(data):
    if data.__class__ is not dict or len(data) != 3 or tuple(data) != ('start', 'duration', 'title'):
        return general(data)
    (v0, v1, v2, ) = data.values()
    if v0.__class__ is not t0:
        v0 = f0(v0)
    if v1.__class__ is not t1:
        v1 = f1(v1)
    if v2.__class__ is not t2:
        v2 = f2(v2)
    return cls(v0, v1, v2, )

def _221(data):
    if data.__class__ is not dict or len(data) != 4 or tuple(data) != ('path', 'mime', 'language', 'generated'):
        return general(data)
    (v0, v1, v2, v3, ) = data.values()
    if v0.__class__ is not t0:
        v0 = f0(v0)
    if v1.__class__ is not t1:
        v1 = f1(v1)
    if v2.__class__ is not t2:
        v2 = f2(v2)
    if v3.__class__ is not t3:
        v3 = f3(v3)
    return cls(v0, v1, v2, v3, )

def _222(data):
    if data.__class__ is not dict or len(data) != 4 or tuple(data) != ('server', 'protocol', 'account_id', 'space'):
        return general(data)
    (v0, v1, v2, v3, ) = data.values()
    if v0.__class__ is not t0:
        v0 = f0(v0)
    if v1.__class__ is not t1:
        v1 = f1(v1)
    if v2.__class__ is not t2:
        v2 = f2(v2)
    if v3.__class__ is not t3:
        v3 = f3(v3)
    return cls(v0, v1, v2, v3, )

def _223(data):
    if data.__class__ is not dict or len(data) != 5 or tuple(data) != ('feed_guid', 'feed_url', 'title', 'item_guid', 'medium'):
        return general(data)
    (v0, v1, v2, v3, v4, ) = data.values()
    if v0.__class__ is not t0:
        v0 = f0(v0)
    if v1.__class__ is not t1:
        v1 = f1(v1)
    if v2.__class__ is not t2:
        v2 = f2(v2)
    if v3.__class__ is not t3:
        v3 = f3(v3)
    if v4.__class__ is not t4:
        v4 = f4(v4)
    return cls(v0, v1, v2, v3, v4, )

def _224(data):
    if data.__class__ is not dict or len(data) != 5 or tuple(data) != ('name', 'geo', 'osm', 'rel', 'country'):
        return general(data)
    (v0, v1, v2, v3, v4, ) = data.values()
    if v0.__class__ is not t0:
        v0 = f0(v0)
    if v1.__class__ is not t1:
        v1 = f1(v1)
    if v2.__class__ is not t2:
        v2 = f2(v2)
    if v3.__class__ is not t3:
        v3 = f3(v3)
    if v4.__class__ is not t4:
        v4 = f4(v4)
    return cls(v0, v1, v2, v3, v4, )

def _225(data):
    if data.__class__ is not dict or len(data) != 5 or tuple(data) != ('name', 'role', 'group', 'img', 'href'):
        return general(data)
    (v0, v1, v2, v3, v4, ) = data.values()
    if v0.__class__ is not t0:
        v0 = f0(v0)
    if v1.__class__ is not t1:
        v1 = f1(v1)
    if v2.__class__ is not t2:
        v2 = f2(v2)
    if v3.__class__ is not t3:
        v3 = f3(v3)
    if v4.__class__ is not t4:
        v4 = f4(v4)
    return cls(v0, v1, v2, v3, v4, )

def _226(data):
    if data.__class__ is not dict or len(data) != 5 or tuple(data) != ('protocol', 'uri', 'account_id', 'account_url', 'priority'):
        return general(data)
    (v0, v1, v2, v3, v4, ) = data.values()
    if v0.__class__ is not t0:
        v0 = f0(v0)
    if v1.__class__ is not t1:
        v1 = f1(v1)
    if v2.__class__ is not t2:
        v2 = f2(v2)
    if v3.__class__ is not t3:
        v3 = f3(v3)
    if v4 is not None:
        v4 = f4(v4)
    return cls(v0, v1, v2, v3, v4, )

def _227(data):
    if data.__class__ is not dict or len(data) != 5 or tuple(data) != ('recipients', 'time_splits', 'type', 'method', 'suggested'):
        return general(data)
    (v0, v1, v2, v3, v4, ) = data.values()
    v0 = () if v0.__class__ is list and not v0 else f0(v0)
    v1 = () if v1.__class__ is list and not v1 else f1(v1)
    if v2.__class__ is not t2:
        v2 = f2(v2)
    if v3.__class__ is not t3:
        v3 = f3(v3)
    if v4.__class__ is not t4:
        v4 = f4(v4)
    return cls(v0, v1, v2, v3, v4, )

def _228(data):
    if data.__class__ is not dict or len(data) != 6 or tuple(data) != ('start', 'duration', 'recipients', 'remote_item', 'remote_start', 'remote_percentage'):
        return general(data)
    (v0, v1, v2, v3, v4, v5, ) = data.values()
    if v0.__class__ is not t0:
        v0 = f0(v0)
    if v1.__class__ is not t1:
        v1 = f1(v1)
    v2 = () if v2.__class__ is list and not v2 else f2(v2)
    if v3 is not None:
        v3 = f3(v3)
    if v4 is not None:
        v4 = f4(v4)
    if v5 is not None:
        v5 = f5(v5)
    return cls(v0, v1, v2, v3, v4, v5, )

def _229(data):
    if data.__class__ is not dict or len(data) != 7 or tuple(data) != ('address', 'type', 'split', 'name', 'fee', 'custom_key', 'custom_value'):
        return general(data)
    (v0, v1, v2, v3, v4, v5, v6, ) = data.values()
    if v0.__class__ is not t0:
        v0 = f0(v0)
    if v1.__class__ is not t1:
        v1 = f1(v1)
    if v2.__class__ is not t2:
        v2 = f2(v2)
    if v3.__class__ is not t3:
        v3 = f3(v3)
    if v4.__class__ is not t4:
        v4 = f4(v4)
    if v5.__class__ is not t5:
        v5 = f5(v5)
    if v6.__class__ is not t6:
        v6 = f6(v6)
    return cls(v0, v1, v2, v3, v4, v5, v6, )

def _230(data):
    if data.__class__ is not dict or len(data) != 9 or tuple(data) != ('start', 'title', 'url', 'img', 'toc', 'end', 'location', 'geo', 'origin'):
        return general(data)
    (v0, v1, v2, v3, v4, v5, v6, v7, v8, ) = data.values()
    if v0.__class__ is not t0:
        v0 = f0(v0)
    if v1.__class__ is not t1:
        v1 = f1(v1)
    if v2.__class__ is not t2:
        v2 = f2(v2)
    if v3.__class__ is not t3:
        v3 = f3(v3)
    if v4.__class__ is not t4:
        v4 = f4(v4)
    if v5 is not None:
        v5 = f5(v5)
    if v6.__class__ is not t6:
        v6 = f6(v6)
    if v7.__class__ is not t7:
        v7 = f7(v7)
    if v8.__class__ is not t8:
        v8 = f8(v8)
    return cls(v0, v1, v2, v3, v4, v5, v6, v7, v8, )

def _231(data):
    if data.__class__ is not list or len(data) != 31:
        raise Mismatch('expected a list of 31 values')
    (v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27, v28, v29, v30, ) = data
    if v0.__class__ is not t0:
        v0 = f0(v0)
    if v1.__class__ is not t1:
        v1 = f1(v1)
    if v2.__class__ is not t2:
        v2 = f2(v2)
    if v3.__class__ is not t3:
        v3 = f3(v3)
    if v4.__class__ is not t4:
        v4 = f4(v4)
    if v5.__class__ is not t5:
        v5 = f5(v5)
    if v6.__class__ is not t6:
        v6 = f6(v6)
    if v7.__class__ is not t7:
        v7 = f7(v7)
    if v8.__class__ is not t8:
        v8 = f8(v8)
    if v9.__class__ is not t9:
        v9 = f9(v9)
    if v10.__class__ is not t10:
        v10 = f10(v10)
    if v11.__class__ is not t11:
        v11 = f11(v11)
    if v12.__class__ is not t12:
        v12 = f12(v12)
    v13 = f13(v13)
    v14 = () if v14.__class__ is list and not v14 else f14(v14)
    if v15.__class__ is not t15:
        v15 = f15(v15)
    if v16.__class__ is not t16:
        v16 = f16(v16)
    if v17.__class__ is not t17:
        v17 = f17(v17)
    if v18.__class__ is not t18:
        v18 = f18(v18)
    if v19.__class__ is not t19:
        v19 = f19(v19)
    if v20.__class__ is not t20:
        v20 = f20(v20)
    if v21.__class__ is not t21:
        v21 = f21(v21)
    if v22.__class__ is not t22:
        v22 = f22(v22)
    if v23.__class__ is not t23:
        v23 = f23(v23)
    if v24.__class__ is not t24:
        v24 = f24(v24)
    if v25.__class__ is not t25:
        v25 = f25(v25)
    if v26.__class__ is not t26:
        v26 = f26(v26)
    if v27.__class__ is not t27:
        v27 = f27(v27)
    if v28.__class__ is not t28:
        v28 = f28(v28)
    if v29.__class__ is not t29:
        v29 = f29(v29)
    if v30.__class__ is not t30:
        v30 = f30(v30)
    return cls(v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27, v28, v29, v30, )

def _232(data):
    if data.__class__ is not list or len(data) != 37:
        raise Mismatch('expected a list of 37 values')
    (v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27, v28, v29, v30, v31, v32, v33, v34, v35, v36, ) = data
    if v0.__class__ is not t0:
        v0 = f0(v0)
    if v1.__class__ is not t1:
        v1 = f1(v1)
    if v2.__class__ is not t2:
        v2 = f2(v2)
    v3 = f3(v3)
    if v4.__class__ is not t4:
        v4 = f4(v4)
    if v5.__class__ is not t5:
        v5 = f5(v5)
    if v6.__class__ is not t6:
        v6 = f6(v6)
    if v7.__class__ is not t7:
        v7 = f7(v7)
    if v8 is not None:
        v8 = f8(v8)
    if v9 is not None:
        v9 = f9(v9)
    if v10 is not None:
        v10 = f10(v10)
    if v11.__class__ is not t11:
        v11 = f11(v11)
    if v12.__class__ is not t12:
        v12 = f12(v12)
    if v13 is not None:
        v13 = f13(v13)
    if v14.__class__ is not t14:
        v14 = f14(v14)
    if v15.__class__ is not t15:
        v15 = f15(v15)
    if v16.__class__ is not t16:
        v16 = f16(v16)
    if v17 is not None:
        v17 = f17(v17)
    v18 = () if v18.__class__ is list and not v18 else f18(v18)
    v19 = () if v19.__class__ is list and not v19 else f19(v19)
    v20 = () if v20.__class__ is list and not v20 else f20(v20)
    if v21.__class__ is not t21:
        v21 = f21(v21)
    v22 = () if v22.__class__ is list and not v22 else f22(v22)
    v23 = () if v23.__class__ is list and not v23 else f23(v23)
    v24 = () if v24.__class__ is list and not v24 else f24(v24)
    if v25 is not None:
        v25 = f25(v25)
    v26 = () if v26.__class__ is list and not v26 else f26(v26)
    v27 = () if v27.__class__ is list and not v27 else f27(v27)
    v28 = () if v28.__class__ is list and not v28 else f28(v28)
    v29 = () if v29.__class__ is list and not v29 else f29(v29)
    v30 = () if v30.__class__ is list and not v30 else f30(v30)
    v31 = () if v31.__class__ is list and not v31 else f31(v31)
    if v32.__class__ is not t32:
        v32 = f32(v32)
    if v33.__class__ is not t33:
        v33 = f33(v33)
    if v34.__class__ is not t34:
        v34 = f34(v34)
    if v35.__class__ is not t35:
        v35 = f35(v35)
    if v36 is not None:
        v36 = f36(v36)
    return cls(v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27, v28, v29, v30, v31, v32, v33, v34, v35, v36, )

def _233(value, cover):
    __replace_old__ = value.__dict__
    if value.__class__ is cls and len(__replace_old__) == 18:
        __replace_state__ = __replace_old__.copy()
        __replace_state__['cover'] = cover
        __replace_made__ = __replace_new__(cls)
        __replace_set__(__replace_made__, '__dict__', __replace_state__)
        return __replace_made__
    return cls(value.title, value.artist, value.album_artist, value.album, value.track, value.disc, value.date, value.genre, value.comment, value.short_description, value.description, value.podcast, value.guid, value.feed_url, cover, value.chapters, value.id3_version, value.leading_id3)

def _234(value, id3_version, leading_id3, short_description):
    __replace_old__ = value.__dict__
    if value.__class__ is cls and len(__replace_old__) == 18:
        __replace_state__ = __replace_old__.copy()
        __replace_state__['id3_version'] = id3_version
        __replace_state__['leading_id3'] = leading_id3
        __replace_state__['short_description'] = short_description
        __replace_made__ = __replace_new__(cls)
        __replace_set__(__replace_made__, '__dict__', __replace_state__)
        return __replace_made__
    return cls(value.title, value.artist, value.album_artist, value.album, value.track, value.disc, value.date, value.genre, value.comment, short_description, value.description, value.podcast, value.guid, value.feed_url, value.cover, value.chapters, id3_version, leading_id3)

def _235(value, leading_id3, short_description):
    __replace_old__ = value.__dict__
    if value.__class__ is cls and len(__replace_old__) == 18:
        __replace_state__ = __replace_old__.copy()
        __replace_state__['leading_id3'] = leading_id3
        __replace_state__['short_description'] = short_description
        __replace_made__ = __replace_new__(cls)
        __replace_set__(__replace_made__, '__dict__', __replace_state__)
        return __replace_made__
    return cls(value.title, value.artist, value.album_artist, value.album, value.track, value.disc, value.date, value.genre, value.comment, short_description, value.description, value.podcast, value.guid, value.feed_url, value.cover, value.chapters, value.id3_version, leading_id3)

def _236(value, media, media_file):
    __replace_old__ = value.__dict__
    if value.__class__ is cls and len(__replace_old__) == 16:
        __replace_state__ = __replace_old__.copy()
        __replace_state__['media'] = media
        __replace_state__['media_file'] = media_file
        __replace_made__ = __replace_new__(cls)
        __replace_set__(__replace_made__, '__dict__', __replace_state__)
        return __replace_made__
    return cls(value.episode, media, value.page_path, value.page_url, value.enclosure_path, value.enclosure_url, value.image_url, value.image_path, value.image_size, value.chapters_url, value.transcripts, value.alternates, value.embed_url, value.oembed_url, media_file, value.notes)

def _237(value, notes):
    __replace_old__ = value.__dict__
    if value.__class__ is cls and len(__replace_old__) == 16:
        __replace_state__ = __replace_old__.copy()
        __replace_state__['notes'] = notes
        __replace_made__ = __replace_new__(cls)
        __replace_set__(__replace_made__, '__dict__', __replace_state__)
        return __replace_made__
    return cls(value.episode, value.media, value.page_path, value.page_url, value.enclosure_path, value.enclosure_url, value.image_url, value.image_path, value.image_size, value.chapters_url, value.transcripts, value.alternates, value.embed_url, value.oembed_url, value.media_file, notes)

def _238(value, size):
    __replace_old__ = value.__dict__
    if value.__class__ is cls and len(__replace_old__) == 31:
        __replace_state__ = __replace_old__.copy()
        __replace_state__['size'] = size
        __replace_made__ = __replace_new__(cls)
        __replace_set__(__replace_made__, '__dict__', __replace_state__)
        return __replace_made__
    return cls(value.path, size, value.mime, value.kind, value.duration, value.bitrate, value.bitrate_mode, value.sample_rate, value.channels, value.video, value.height, value.width, value.picture_codec, value.tags, value.chapters, value.has_cover, value.lead, value.declared, value.codec, value.chained, value.index_last, value.index_blocker, value.rate_switch, value.switch_at, value.cut, value.movie_length, value.location, value.gap, value.gap_at, value.sound_tracks, value.enabled_sound)

def _239(value, size, tags, has_cover, chapters):
    __replace_old__ = value.__dict__
    if value.__class__ is cls and len(__replace_old__) == 31:
        __replace_state__ = __replace_old__.copy()
        __replace_state__['size'] = size
        __replace_state__['tags'] = tags
        __replace_state__['has_cover'] = has_cover
        __replace_state__['chapters'] = chapters
        __replace_made__ = __replace_new__(cls)
        __replace_set__(__replace_made__, '__dict__', __replace_state__)
        return __replace_made__
    return cls(value.path, size, value.mime, value.kind, value.duration, value.bitrate, value.bitrate_mode, value.sample_rate, value.channels, value.video, value.height, value.width, value.picture_codec, tags, chapters, has_cover, value.lead, value.declared, value.codec, value.chained, value.index_last, value.index_blocker, value.rate_switch, value.switch_at, value.cut, value.movie_length, value.location, value.gap, value.gap_at, value.sound_tracks, value.enabled_sound)

SOURCES = {
    'def __create_fn__():\n def __eq__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.file,self.code,self.severity,self.message,self.field,self.hint,self.episode,self.episodes,)==(other.file,other.code,other.severity,other.message,other.field,other.hint,other.episode,other.episodes,)\n  return NotImplemented\n return __eq__': (_0, '__create_fn__'),
    'def __create_fn__():\n def __ge__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.file,self.code,self.severity,self.message,self.field,self.hint,self.episode,self.episodes,)>=(other.file,other.code,other.severity,other.message,other.field,other.hint,other.episode,other.episodes,)\n  return NotImplemented\n return __ge__': (_1, '__create_fn__'),
    'def __create_fn__():\n def __gt__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.file,self.code,self.severity,self.message,self.field,self.hint,self.episode,self.episodes,)>(other.file,other.code,other.severity,other.message,other.field,other.hint,other.episode,other.episodes,)\n  return NotImplemented\n return __gt__': (_2, '__create_fn__'),
    'def __create_fn__():\n def __hash__(self):\n  return hash((self.file,self.code,self.severity,self.message,self.field,self.hint,self.episode,self.episodes,))\n return __hash__': (_3, '__create_fn__'),
    'def __create_fn__():\n def __le__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.file,self.code,self.severity,self.message,self.field,self.hint,self.episode,self.episodes,)<=(other.file,other.code,other.severity,other.message,other.field,other.hint,other.episode,other.episodes,)\n  return NotImplemented\n return __le__': (_4, '__create_fn__'),
    'def __create_fn__():\n def __lt__(self,other):\n  if other.__class__ is self.__class__:\n   return (self.file,self.code,self.severity,self.message,self.field,self.hint,self.episode,self.episodes,)<(other.file,other.code,other.severity,other.message,other.field,other.hint,other.episode,other.episodes,)\n  return NotImplemented\n return __lt__': (_5, '__create_fn__'),
    'def __create_fn__():\n def __repr__(self):\n  return self.__class__.__qualname__ + f"(file={self.file!r}, code={self.code!r}, severity={self.severity!r}, message={self.message!r}, field={self.field!r}, hint={self.hint!r}, episode={self.episode!r}, episodes={self.episodes!r})"\n return __repr__': (_6, '__create_fn__'),
    "def __create_fn__(_type_address, _type_type, _type_split, _type_name, _type_fee, _type_custom_key, _type_custom_value, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_name, _dflt_fee, _dflt_custom_key, _dflt_custom_value, _return_type):\n def __init__(self,address:_type_address,type:_type_type,split:_type_split,name:_type_name=_dflt_name,fee:_type_fee=_dflt_fee,custom_key:_type_custom_key=_dflt_custom_key,custom_value:_type_custom_value=_dflt_custom_value)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['address']=address\n  __dataclass_self_dict__['type']=type\n  __dataclass_self_dict__['split']=split\n  __dataclass_self_dict__['name']=name\n  __dataclass_self_dict__['fee']=fee\n  __dataclass_self_dict__['custom_key']=custom_key\n  __dataclass_self_dict__['custom_value']=custom_value\n return __init__": (_7, '__create_fn__'),
    "def __create_fn__(_type_at, _type_moov, _type_tables, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,at:_type_at,moov:_type_moov,tables:_type_tables)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['at']=at\n  __dataclass_self_dict__['moov']=moov\n  __dataclass_self_dict__['tables']=tables\n return __init__": (_8, '__create_fn__'),
    "def __create_fn__(_type_code, _type_sets, _type_severity, _type_title, _type_explain, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,code:_type_code,sets:_type_sets,severity:_type_severity,title:_type_title,explain:_type_explain)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['code']=code\n  __dataclass_self_dict__['sets']=sets\n  __dataclass_self_dict__['severity']=severity\n  __dataclass_self_dict__['title']=title\n  __dataclass_self_dict__['explain']=explain\n return __init__": (_9, '__create_fn__'),
    "def __create_fn__(_type_connect_timeout, _type_read_timeout, _type_deadline, _type_retries, _type_backoff, _type_workers, _type_max_redirects, _type_max_feed_bytes, _type_max_file_bytes, _type_probe_bytes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_connect_timeout, _dflt_read_timeout, _dflt_deadline, _dflt_retries, _dflt_backoff, _dflt_workers, _dflt_max_redirects, _dflt_max_feed_bytes, _dflt_max_file_bytes, _dflt_probe_bytes, _return_type):\n def __init__(self,connect_timeout:_type_connect_timeout=_dflt_connect_timeout,read_timeout:_type_read_timeout=_dflt_read_timeout,deadline:_type_deadline=_dflt_deadline,retries:_type_retries=_dflt_retries,backoff:_type_backoff=_dflt_backoff,workers:_type_workers=_dflt_workers,max_redirects:_type_max_redirects=_dflt_max_redirects,max_feed_bytes:_type_max_feed_bytes=_dflt_max_feed_bytes,max_file_bytes:_type_max_file_bytes=_dflt_max_file_bytes,probe_bytes:_type_probe_bytes=_dflt_probe_bytes)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['connect_timeout']=connect_timeout\n  __dataclass_self_dict__['read_timeout']=read_timeout\n  __dataclass_self_dict__['deadline']=deadline\n  __dataclass_self_dict__['retries']=retries\n  __dataclass_self_dict__['backoff']=backoff\n  __dataclass_self_dict__['workers']=workers\n  __dataclass_self_dict__['max_redirects']=max_redirects\n  __dataclass_self_dict__['max_feed_bytes']=max_feed_bytes\n  __dataclass_self_dict__['max_file_bytes']=max_file_bytes\n  __dataclass_self_dict__['probe_bytes']=probe_bytes\n return __init__": (_10, '__create_fn__'),
    'def __create_fn__(_type_data, _type_source, _type_origin, _type_link, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_data, _dflt_source, _dflt_origin, _dflt_link, _return_type):\n def __init__(self,data:_type_data=_dflt_data,source:_type_source=_dflt_source,origin:_type_origin=_dflt_origin,link:_type_link=_dflt_link)->_return_type:\n  self.data=data\n  self.source=source\n  self.origin=origin\n  self.link=link\n return __init__': (_11, '__create_fn__'),
    'def __create_fn__(_type_dry_run, _type_results, _type_problems, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_results, _dflt_problems, _return_type):\n def __init__(self,dry_run:_type_dry_run,results:_type_results=_HAS_DEFAULT_FACTORY,problems:_type_problems=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.dry_run=dry_run\n  self.results=_dflt_results() if results is _HAS_DEFAULT_FACTORY else results\n  self.problems=_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems\n return __init__': (_12, '__create_fn__'),
    "def __create_fn__(_type_duration, _type_frames, _type_bitrate, _type_mode, _type_sample_rate, _type_channels, _type_header, _type_start, _type_end, _type_junk, _type_cut, _type_lead, _type_layer, _type_switch, _type_gap, _type_gap_at, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_lead, _dflt_layer, _dflt_switch, _dflt_gap, _dflt_gap_at, _return_type):\n def __init__(self,duration:_type_duration,frames:_type_frames,bitrate:_type_bitrate,mode:_type_mode,sample_rate:_type_sample_rate,channels:_type_channels,header:_type_header,start:_type_start,end:_type_end,junk:_type_junk,cut:_type_cut,lead:_type_lead=_dflt_lead,layer:_type_layer=_dflt_layer,switch:_type_switch=_dflt_switch,gap:_type_gap=_dflt_gap,gap_at:_type_gap_at=_dflt_gap_at)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['duration']=duration\n  __dataclass_self_dict__['frames']=frames\n  __dataclass_self_dict__['bitrate']=bitrate\n  __dataclass_self_dict__['mode']=mode\n  __dataclass_self_dict__['sample_rate']=sample_rate\n  __dataclass_self_dict__['channels']=channels\n  __dataclass_self_dict__['header']=header\n  __dataclass_self_dict__['start']=start\n  __dataclass_self_dict__['end']=end\n  __dataclass_self_dict__['junk']=junk\n  __dataclass_self_dict__['cut']=cut\n  __dataclass_self_dict__['lead']=lead\n  __dataclass_self_dict__['layer']=layer\n  __dataclass_self_dict__['switch']=switch\n  __dataclass_self_dict__['gap']=gap\n  __dataclass_self_dict__['gap_at']=gap_at\n return __init__": (_13, '__create_fn__'),
    "def __create_fn__(_type_episode, _type_media, _type_page_path, _type_page_url, _type_enclosure_path, _type_enclosure_url, _type_image_url, _type_image_path, _type_image_size, _type_chapters_url, _type_transcripts, _type_alternates, _type_embed_url, _type_oembed_url, _type_media_file, _type_notes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_image_path, _dflt_image_size, _dflt_chapters_url, _dflt_transcripts, _dflt_alternates, _dflt_embed_url, _dflt_oembed_url, _dflt_media_file, _dflt_notes, _return_type):\n def __init__(self,episode:_type_episode,media:_type_media,page_path:_type_page_path,page_url:_type_page_url,enclosure_path:_type_enclosure_path,enclosure_url:_type_enclosure_url,image_url:_type_image_url,image_path:_type_image_path=_dflt_image_path,image_size:_type_image_size=_dflt_image_size,chapters_url:_type_chapters_url=_dflt_chapters_url,transcripts:_type_transcripts=_dflt_transcripts,alternates:_type_alternates=_dflt_alternates,embed_url:_type_embed_url=_dflt_embed_url,oembed_url:_type_oembed_url=_dflt_oembed_url,media_file:_type_media_file=_dflt_media_file,notes:_type_notes=_dflt_notes)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['episode']=episode\n  __dataclass_self_dict__['media']=media\n  __dataclass_self_dict__['page_path']=page_path\n  __dataclass_self_dict__['page_url']=page_url\n  __dataclass_self_dict__['enclosure_path']=enclosure_path\n  __dataclass_self_dict__['enclosure_url']=enclosure_url\n  __dataclass_self_dict__['image_url']=image_url\n  __dataclass_self_dict__['image_path']=image_path\n  __dataclass_self_dict__['image_size']=image_size\n  __dataclass_self_dict__['chapters_url']=chapters_url\n  __dataclass_self_dict__['transcripts']=transcripts\n  __dataclass_self_dict__['alternates']=alternates\n  __dataclass_self_dict__['embed_url']=embed_url\n  __dataclass_self_dict__['oembed_url']=oembed_url\n  __dataclass_self_dict__['media_file']=media_file\n  __dataclass_self_dict__['notes']=notes\n return __init__": (_14, '__create_fn__'),
    "def __create_fn__(_type_feed, _type_pages, _type_images, _type_media, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_feed, _dflt_pages, _dflt_images, _dflt_media, _return_type):\n def __init__(self,feed:_type_feed=_dflt_feed,pages:_type_pages=_dflt_pages,images:_type_images=_dflt_images,media:_type_media=_dflt_media)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['feed']=feed\n  __dataclass_self_dict__['pages']=pages\n  __dataclass_self_dict__['images']=images\n  __dataclass_self_dict__['media']=media\n return __init__": (_15, '__create_fn__'),
    "def __create_fn__(_type_feed_guid, _type_feed_url, _type_title, _type_item_guid, _type_medium, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_feed_url, _dflt_title, _dflt_item_guid, _dflt_medium, _return_type):\n def __init__(self,feed_guid:_type_feed_guid,feed_url:_type_feed_url=_dflt_feed_url,title:_type_title=_dflt_title,item_guid:_type_item_guid=_dflt_item_guid,medium:_type_medium=_dflt_medium)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['feed_guid']=feed_guid\n  __dataclass_self_dict__['feed_url']=feed_url\n  __dataclass_self_dict__['title']=title\n  __dataclass_self_dict__['item_guid']=item_guid\n  __dataclass_self_dict__['medium']=medium\n return __init__": (_16, '__create_fn__'),
    "def __create_fn__(_type_field, _type_old, _type_new, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,field:_type_field,old:_type_old,new:_type_new)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['field']=field\n  __dataclass_self_dict__['old']=old\n  __dataclass_self_dict__['new']=new\n return __init__": (_17, '__create_fn__'),
    'def __create_fn__(_type_file, _type_changes, _type_written, _type_size, _type_skipped, _type_notes, _type_media, _type_index_kept, _type_gap, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_changes, _dflt_written, _dflt_size, _dflt_skipped, _dflt_notes, _dflt_media, _dflt_index_kept, _dflt_gap, _return_type):\n def __init__(self,file:_type_file,changes:_type_changes=_HAS_DEFAULT_FACTORY,written:_type_written=_dflt_written,size:_type_size=_dflt_size,skipped:_type_skipped=_dflt_skipped,notes:_type_notes=_HAS_DEFAULT_FACTORY,media:_type_media=_dflt_media,index_kept:_type_index_kept=_dflt_index_kept,gap:_type_gap=_dflt_gap)->_return_type:\n  self.file=file\n  self.changes=_dflt_changes() if changes is _HAS_DEFAULT_FACTORY else changes\n  self.written=written\n  self.size=size\n  self.skipped=skipped\n  self.notes=_dflt_notes() if notes is _HAS_DEFAULT_FACTORY else notes\n  self.media=media\n  self.index_kept=index_kept\n  self.gap=gap\n return __init__': (_18, '__create_fn__'),
    "def __create_fn__(_type_file, _type_code, _type_severity, _type_message, _type_field, _type_hint, _type_episode, _type_episodes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_field, _dflt_hint, _dflt_episode, _dflt_episodes, _return_type):\n def __init__(self,file:_type_file,code:_type_code,severity:_type_severity,message:_type_message,field:_type_field=_dflt_field,hint:_type_hint=_dflt_hint,episode:_type_episode=_dflt_episode,episodes:_type_episodes=_dflt_episodes)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['file']=file\n  __dataclass_self_dict__['code']=code\n  __dataclass_self_dict__['severity']=severity\n  __dataclass_self_dict__['message']=message\n  __dataclass_self_dict__['field']=field\n  __dataclass_self_dict__['hint']=hint\n  __dataclass_self_dict__['episode']=episode\n  __dataclass_self_dict__['episodes']=episodes\n return __init__": (_19, '__create_fn__'),
    "def __create_fn__(_type_file, _type_mime, _type_url, _type_title, _type_default, _type_length, _type_bitrate, _type_integrity, _type_height, _type_lang, _type_rel, _type_codecs, _type_sources, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_mime, _dflt_url, _dflt_title, _dflt_default, _dflt_length, _dflt_bitrate, _dflt_integrity, _dflt_height, _dflt_lang, _dflt_rel, _dflt_codecs, _dflt_sources, _return_type):\n def __init__(self,file:_type_file,mime:_type_mime=_dflt_mime,url:_type_url=_dflt_url,title:_type_title=_dflt_title,default:_type_default=_dflt_default,length:_type_length=_dflt_length,bitrate:_type_bitrate=_dflt_bitrate,integrity:_type_integrity=_dflt_integrity,height:_type_height=_dflt_height,lang:_type_lang=_dflt_lang,rel:_type_rel=_dflt_rel,codecs:_type_codecs=_dflt_codecs,sources:_type_sources=_dflt_sources)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['file']=file\n  __dataclass_self_dict__['mime']=mime\n  __dataclass_self_dict__['url']=url\n  __dataclass_self_dict__['title']=title\n  __dataclass_self_dict__['default']=default\n  __dataclass_self_dict__['length']=length\n  __dataclass_self_dict__['bitrate']=bitrate\n  __dataclass_self_dict__['integrity']=integrity\n  __dataclass_self_dict__['height']=height\n  __dataclass_self_dict__['lang']=lang\n  __dataclass_self_dict__['rel']=rel\n  __dataclass_self_dict__['codecs']=codecs\n  __dataclass_self_dict__['sources']=sources\n return __init__": (_20, '__create_fn__'),
    'def __create_fn__(_type_files, _type_folders, _type_mtimes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_mtimes, _return_type):\n def __init__(self,files:_type_files,folders:_type_folders,mtimes:_type_mtimes=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.files=files\n  self.folders=folders\n  self.mtimes=_dflt_mtimes() if mtimes is _HAS_DEFAULT_FACTORY else mtimes\n return __init__': (_21, '__create_fn__'),
    'def __create_fn__(_type_files, _type_writing, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_files, _dflt_writing, _return_type):\n def __init__(self,files:_type_files=_HAS_DEFAULT_FACTORY,writing:_type_writing=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.files=_dflt_files() if files is _HAS_DEFAULT_FACTORY else files\n  self.writing=_dflt_writing() if writing is _HAS_DEFAULT_FACTORY else writing\n return __init__': (_22, '__create_fn__'),
    'def __create_fn__(_type_guid, _type_title, _type_date, _type_guid_permalink, _type_notes_html, _type_summary, _type_link, _type_enclosure, _type_duration, _type_season, _type_season_name, _type_number, _type_decimal_number, _type_episode_display, _type_episode_type, _type_explicit, _type_itunes_title, _type_image, _type_keywords, _type_block, _type_persons, _type_value, _type_social, _type_transcripts, _type_chapters, _type_inline_chapters, _type_extra, _type_artwork_alt, _type_position, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_guid_permalink, _dflt_notes_html, _dflt_summary, _dflt_link, _dflt_enclosure, _dflt_duration, _dflt_season, _dflt_season_name, _dflt_number, _dflt_decimal_number, _dflt_episode_display, _dflt_episode_type, _dflt_explicit, _dflt_itunes_title, _dflt_image, _dflt_keywords, _dflt_block, _dflt_persons, _dflt_value, _dflt_social, _dflt_transcripts, _dflt_chapters, _dflt_inline_chapters, _dflt_extra, _dflt_artwork_alt, _dflt_position, _return_type):\n def __init__(self,guid:_type_guid,title:_type_title,date:_type_date,guid_permalink:_type_guid_permalink=_dflt_guid_permalink,notes_html:_type_notes_html=_dflt_notes_html,summary:_type_summary=_dflt_summary,link:_type_link=_dflt_link,enclosure:_type_enclosure=_dflt_enclosure,duration:_type_duration=_dflt_duration,season:_type_season=_dflt_season,season_name:_type_season_name=_dflt_season_name,number:_type_number=_dflt_number,decimal_number:_type_decimal_number=_dflt_decimal_number,episode_display:_type_episode_display=_dflt_episode_display,episode_type:_type_episode_type=_dflt_episode_type,explicit:_type_explicit=_dflt_explicit,itunes_title:_type_itunes_title=_dflt_itunes_title,image:_type_image=_dflt_image,keywords:_type_keywords=_dflt_keywords,block:_type_block=_dflt_block,persons:_type_persons=_dflt_persons,value:_type_value=_dflt_value,social:_type_social=_dflt_social,transcripts:_type_transcripts=_dflt_transcripts,chapters:_type_chapters=_dflt_chapters,inline_chapters:_type_inline_chapters=_dflt_inline_chapters,extra:_type_extra=_HAS_DEFAULT_FACTORY,artwork_alt:_type_artwork_alt=_dflt_artwork_alt,position:_type_position=_dflt_position)->_return_type:\n  self.guid=guid\n  self.title=title\n  self.date=date\n  self.guid_permalink=guid_permalink\n  self.notes_html=notes_html\n  self.summary=summary\n  self.link=link\n  self.enclosure=enclosure\n  self.duration=duration\n  self.season=season\n  self.season_name=season_name\n  self.number=number\n  self.decimal_number=decimal_number\n  self.episode_display=episode_display\n  self.episode_type=episode_type\n  self.explicit=explicit\n  self.itunes_title=itunes_title\n  self.image=image\n  self.keywords=keywords\n  self.block=block\n  self.persons=persons\n  self.value=value\n  self.social=social\n  self.transcripts=transcripts\n  self.chapters=chapters\n  self.inline_chapters=inline_chapters\n  self.extra=_dflt_extra() if extra is _HAS_DEFAULT_FACTORY else extra\n  self.artwork_alt=artwork_alt\n  self.position=position\n return __init__': (_23, '__create_fn__'),
    "def __create_fn__(_type_guid, _type_url, _type_length, _type_duration, _type_title, _type_date, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,guid:_type_guid,url:_type_url,length:_type_length,duration:_type_duration,title:_type_title,date:_type_date)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['guid']=guid\n  __dataclass_self_dict__['url']=url\n  __dataclass_self_dict__['length']=length\n  __dataclass_self_dict__['duration']=duration\n  __dataclass_self_dict__['title']=title\n  __dataclass_self_dict__['date']=date\n return __init__": (_24, '__create_fn__'),
    'def __create_fn__(_type_handler, _type_sizes, _type_chunks, _type_per_chunk, _type_track_id, _type_timescale, _type_runs, _type_fragment_ticks, _type_ticks, _type_defaults, _type_height, _type_width, _type_sample_entry, _type_enabled, _type_edits, _type_movie_timescale, _type_chapter_tracks, _type_declared_channels, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_handler, _dflt_sizes, _dflt_chunks, _dflt_per_chunk, _dflt_track_id, _dflt_timescale, _dflt_runs, _dflt_fragment_ticks, _dflt_ticks, _dflt_defaults, _dflt_height, _dflt_width, _dflt_sample_entry, _dflt_enabled, _dflt_edits, _dflt_movie_timescale, _dflt_chapter_tracks, _dflt_declared_channels, _return_type):\n def __init__(self,handler:_type_handler=_dflt_handler,sizes:_type_sizes=_HAS_DEFAULT_FACTORY,chunks:_type_chunks=_HAS_DEFAULT_FACTORY,per_chunk:_type_per_chunk=_HAS_DEFAULT_FACTORY,track_id:_type_track_id=_dflt_track_id,timescale:_type_timescale=_dflt_timescale,runs:_type_runs=_HAS_DEFAULT_FACTORY,fragment_ticks:_type_fragment_ticks=_dflt_fragment_ticks,ticks:_type_ticks=_dflt_ticks,defaults:_type_defaults=_dflt_defaults,height:_type_height=_dflt_height,width:_type_width=_dflt_width,sample_entry:_type_sample_entry=_dflt_sample_entry,enabled:_type_enabled=_dflt_enabled,edits:_type_edits=_dflt_edits,movie_timescale:_type_movie_timescale=_dflt_movie_timescale,chapter_tracks:_type_chapter_tracks=_dflt_chapter_tracks,declared_channels:_type_declared_channels=_dflt_declared_channels)->_return_type:\n  self.handler=handler\n  self.sizes=_dflt_sizes() if sizes is _HAS_DEFAULT_FACTORY else sizes\n  self.chunks=_dflt_chunks() if chunks is _HAS_DEFAULT_FACTORY else chunks\n  self.per_chunk=_dflt_per_chunk() if per_chunk is _HAS_DEFAULT_FACTORY else per_chunk\n  self.track_id=track_id\n  self.timescale=timescale\n  self.runs=_dflt_runs() if runs is _HAS_DEFAULT_FACTORY else runs\n  self.fragment_ticks=fragment_ticks\n  self.ticks=ticks\n  self.defaults=defaults\n  self.height=height\n  self.width=width\n  self.sample_entry=sample_entry\n  self.enabled=enabled\n  self.edits=edits\n  self.movie_timescale=movie_timescale\n  self.chapter_tracks=chapter_tracks\n  self.declared_channels=declared_channels\n return __init__': (_25, '__create_fn__'),
    "def __create_fn__(_type_html, _type_description, _type_text, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_html, _dflt_description, _dflt_text, _return_type):\n def __init__(self,html:_type_html=_dflt_html,description:_type_description=_dflt_description,text:_type_text=_dflt_text)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['html']=html\n  __dataclass_self_dict__['description']=description\n  __dataclass_self_dict__['text']=text\n return __init__": (_26, '__create_fn__'),
    "def __create_fn__(_type_html, _type_description, _type_text, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,html:_type_html,description:_type_description,text:_type_text)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['html']=html\n  __dataclass_self_dict__['description']=description\n  __dataclass_self_dict__['text']=text\n return __init__": (_27, '__create_fn__'),
    "def __create_fn__(_type_index, _type_source, _type_copy, _type_media_file, _type_wanted, _type_art, _type_rel, _type_media, _type_ffmpeg, _type_length, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,index:_type_index,source:_type_source,copy:_type_copy,media_file:_type_media_file,wanted:_type_wanted,art:_type_art,rel:_type_rel,media:_type_media,ffmpeg:_type_ffmpeg,length:_type_length)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['index']=index\n  __dataclass_self_dict__['source']=source\n  __dataclass_self_dict__['copy']=copy\n  __dataclass_self_dict__['media_file']=media_file\n  __dataclass_self_dict__['wanted']=wanted\n  __dataclass_self_dict__['art']=art\n  __dataclass_self_dict__['rel']=rel\n  __dataclass_self_dict__['media']=media\n  __dataclass_self_dict__['ffmpeg']=ffmpeg\n  __dataclass_self_dict__['length']=length\n return __init__": (_28, '__create_fn__'),
    "def __create_fn__(_type_kind, _type_frames, _type_bytes, _type_sound, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_sound, _return_type):\n def __init__(self,kind:_type_kind,frames:_type_frames,bytes:_type_bytes,sound:_type_sound=_dflt_sound)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['kind']=kind\n  __dataclass_self_dict__['frames']=frames\n  __dataclass_self_dict__['bytes']=bytes\n  __dataclass_self_dict__['sound']=sound\n return __init__": (_29, '__create_fn__'),
    "def __create_fn__(_type_kind, _type_url, _type_field, _type_episode, _type_length, _type_mime, _type_duration, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_episode, _dflt_length, _dflt_mime, _dflt_duration, _return_type):\n def __init__(self,kind:_type_kind,url:_type_url,field:_type_field,episode:_type_episode=_dflt_episode,length:_type_length=_dflt_length,mime:_type_mime=_dflt_mime,duration:_type_duration=_dflt_duration)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['kind']=kind\n  __dataclass_self_dict__['url']=url\n  __dataclass_self_dict__['field']=field\n  __dataclass_self_dict__['episode']=episode\n  __dataclass_self_dict__['length']=length\n  __dataclass_self_dict__['mime']=mime\n  __dataclass_self_dict__['duration']=duration\n return __init__": (_30, '__create_fn__'),
    "def __create_fn__(_type_length, _type_samples, _type_sample_rate, _type_bitrate, _type_channels, _type_mpeg1, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,length:_type_length,samples:_type_samples,sample_rate:_type_sample_rate,bitrate:_type_bitrate,channels:_type_channels,mpeg1:_type_mpeg1)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['length']=length\n  __dataclass_self_dict__['samples']=samples\n  __dataclass_self_dict__['sample_rate']=sample_rate\n  __dataclass_self_dict__['bitrate']=bitrate\n  __dataclass_self_dict__['channels']=channels\n  __dataclass_self_dict__['mpeg1']=mpeg1\n return __init__": (_31, '__create_fn__'),
    "def __create_fn__(_type_mime, _type_data, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,mime:_type_mime,data:_type_data)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['mime']=mime\n  __dataclass_self_dict__['data']=data\n return __init__": (_32, '__create_fn__'),
    "def __create_fn__(_type_name, _type_bucket, _type_prefix, _type_region, _type_endpoint_url, _type_addressing, _type_profile, _type_acl, _type_cors, _type_cors_origins, _type_multipart_threshold, _type_multipart_chunk, _type_concurrency, _type_retries, _type_timeout, _type_checksums, _type_type, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_prefix, _dflt_region, _dflt_endpoint_url, _dflt_addressing, _dflt_profile, _dflt_acl, _dflt_cors, _dflt_cors_origins, _dflt_multipart_threshold, _dflt_multipart_chunk, _dflt_concurrency, _dflt_retries, _dflt_timeout, _dflt_checksums, _dflt_type, _return_type):\n def __init__(self,name:_type_name,bucket:_type_bucket,prefix:_type_prefix=_dflt_prefix,region:_type_region=_dflt_region,endpoint_url:_type_endpoint_url=_dflt_endpoint_url,addressing:_type_addressing=_dflt_addressing,profile:_type_profile=_dflt_profile,acl:_type_acl=_dflt_acl,cors:_type_cors=_dflt_cors,cors_origins:_type_cors_origins=_dflt_cors_origins,multipart_threshold:_type_multipart_threshold=_dflt_multipart_threshold,multipart_chunk:_type_multipart_chunk=_dflt_multipart_chunk,concurrency:_type_concurrency=_dflt_concurrency,retries:_type_retries=_dflt_retries,timeout:_type_timeout=_dflt_timeout,checksums:_type_checksums=_dflt_checksums,type:_type_type=_dflt_type)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['name']=name\n  __dataclass_self_dict__['bucket']=bucket\n  __dataclass_self_dict__['prefix']=prefix\n  __dataclass_self_dict__['region']=region\n  __dataclass_self_dict__['endpoint_url']=endpoint_url\n  __dataclass_self_dict__['addressing']=addressing\n  __dataclass_self_dict__['profile']=profile\n  __dataclass_self_dict__['acl']=acl\n  __dataclass_self_dict__['cors']=cors\n  __dataclass_self_dict__['cors_origins']=cors_origins\n  __dataclass_self_dict__['multipart_threshold']=multipart_threshold\n  __dataclass_self_dict__['multipart_chunk']=multipart_chunk\n  __dataclass_self_dict__['concurrency']=concurrency\n  __dataclass_self_dict__['retries']=retries\n  __dataclass_self_dict__['timeout']=timeout\n  __dataclass_self_dict__['checksums']=checksums\n  __dataclass_self_dict__['type']=type\n return __init__": (_33, '__create_fn__'),
    "def __create_fn__(_type_name, _type_destination, _type_ssh, _type_options, _type_type, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_ssh, _dflt_options, _dflt_type, _return_type):\n def __init__(self,name:_type_name,destination:_type_destination,ssh:_type_ssh=_dflt_ssh,options:_type_options=_dflt_options,type:_type_type=_dflt_type)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['name']=name\n  __dataclass_self_dict__['destination']=destination\n  __dataclass_self_dict__['ssh']=ssh\n  __dataclass_self_dict__['options']=options\n  __dataclass_self_dict__['type']=type\n return __init__": (_34, '__create_fn__'),
    "def __create_fn__(_type_name, _type_email, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,name:_type_name,email:_type_email)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['name']=name\n  __dataclass_self_dict__['email']=email\n return __init__": (_35, '__create_fn__'),
    "def __create_fn__(_type_name, _type_geo, _type_osm, _type_rel, _type_country, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_geo, _dflt_osm, _dflt_rel, _dflt_country, _return_type):\n def __init__(self,name:_type_name,geo:_type_geo=_dflt_geo,osm:_type_osm=_dflt_osm,rel:_type_rel=_dflt_rel,country:_type_country=_dflt_country)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['name']=name\n  __dataclass_self_dict__['geo']=geo\n  __dataclass_self_dict__['osm']=osm\n  __dataclass_self_dict__['rel']=rel\n  __dataclass_self_dict__['country']=country\n return __init__": (_36, '__create_fn__'),
    "def __create_fn__(_type_name, _type_path, _type_type, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_type, _return_type):\n def __init__(self,name:_type_name,path:_type_path,type:_type_type=_dflt_type)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['name']=name\n  __dataclass_self_dict__['path']=path\n  __dataclass_self_dict__['type']=type\n return __init__": (_37, '__create_fn__'),
    "def __create_fn__(_type_name, _type_role, _type_group, _type_img, _type_href, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_role, _dflt_group, _dflt_img, _dflt_href, _return_type):\n def __init__(self,name:_type_name,role:_type_role=_dflt_role,group:_type_group=_dflt_group,img:_type_img=_dflt_img,href:_type_href=_dflt_href)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['name']=name\n  __dataclass_self_dict__['role']=role\n  __dataclass_self_dict__['group']=group\n  __dataclass_self_dict__['img']=img\n  __dataclass_self_dict__['href']=href\n return __init__": (_38, '__create_fn__'),
    'def __create_fn__(_type_name, _type_start, _type_body, _type_end, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,name:_type_name,start:_type_start,body:_type_body,end:_type_end)->_return_type:\n  self.name=name\n  self.start=start\n  self.body=body\n  self.end=end\n return __init__': (_39, '__create_fn__'),
    "def __create_fn__(_type_name, _type_url, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_url, _return_type):\n def __init__(self,name:_type_name,url:_type_url=_dflt_url)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['name']=name\n  __dataclass_self_dict__['url']=url\n return __init__": (_40, '__create_fn__'),
    "def __create_fn__(_type_next_url, _type_prev_archive_url, _type_current_url, _type_complete, _type_first_url, _type_last_url, _type_previous_url, _type_next_archive_url, _type_archive, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_next_url, _dflt_prev_archive_url, _dflt_current_url, _dflt_complete, _dflt_first_url, _dflt_last_url, _dflt_previous_url, _dflt_next_archive_url, _dflt_archive, _return_type):\n def __init__(self,next_url:_type_next_url=_dflt_next_url,prev_archive_url:_type_prev_archive_url=_dflt_prev_archive_url,current_url:_type_current_url=_dflt_current_url,complete:_type_complete=_dflt_complete,first_url:_type_first_url=_dflt_first_url,last_url:_type_last_url=_dflt_last_url,previous_url:_type_previous_url=_dflt_previous_url,next_archive_url:_type_next_archive_url=_dflt_next_archive_url,archive:_type_archive=_dflt_archive)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['next_url']=next_url\n  __dataclass_self_dict__['prev_archive_url']=prev_archive_url\n  __dataclass_self_dict__['current_url']=current_url\n  __dataclass_self_dict__['complete']=complete\n  __dataclass_self_dict__['first_url']=first_url\n  __dataclass_self_dict__['last_url']=last_url\n  __dataclass_self_dict__['previous_url']=previous_url\n  __dataclass_self_dict__['next_archive_url']=next_archive_url\n  __dataclass_self_dict__['archive']=archive\n return __init__": (_41, '__create_fn__'),
    "def __create_fn__(_type_number, _type_name, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_name, _return_type):\n def __init__(self,number:_type_number,name:_type_name=_dflt_name)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['number']=number\n  __dataclass_self_dict__['name']=name\n return __init__": (_42, '__create_fn__'),
    'def __create_fn__(_type_output, _type_episodes, _type_drafts, _type_scheduled, _type_written, _type_unchanged, _type_removed, _type_problems, _type_probed, _type_rendered, _type_kept, _type_seconds, _type_ledger_updated, _type_tagged, _type_ledger, _type_stamp, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_episodes, _dflt_drafts, _dflt_scheduled, _dflt_written, _dflt_unchanged, _dflt_removed, _dflt_problems, _dflt_probed, _dflt_rendered, _dflt_kept, _dflt_seconds, _dflt_ledger_updated, _dflt_tagged, _dflt_ledger, _dflt_stamp, _return_type):\n def __init__(self,output:_type_output,episodes:_type_episodes=_dflt_episodes,drafts:_type_drafts=_dflt_drafts,scheduled:_type_scheduled=_dflt_scheduled,written:_type_written=_HAS_DEFAULT_FACTORY,unchanged:_type_unchanged=_dflt_unchanged,removed:_type_removed=_HAS_DEFAULT_FACTORY,problems:_type_problems=_HAS_DEFAULT_FACTORY,probed:_type_probed=_dflt_probed,rendered:_type_rendered=_dflt_rendered,kept:_type_kept=_dflt_kept,seconds:_type_seconds=_dflt_seconds,ledger_updated:_type_ledger_updated=_dflt_ledger_updated,tagged:_type_tagged=_HAS_DEFAULT_FACTORY,ledger:_type_ledger=_dflt_ledger,stamp:_type_stamp=_dflt_stamp)->_return_type:\n  self.output=output\n  self.episodes=episodes\n  self.drafts=drafts\n  self.scheduled=scheduled\n  self.written=_dflt_written() if written is _HAS_DEFAULT_FACTORY else written\n  self.unchanged=unchanged\n  self.removed=_dflt_removed() if removed is _HAS_DEFAULT_FACTORY else removed\n  self.problems=_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems\n  self.probed=probed\n  self.rendered=rendered\n  self.kept=kept\n  self.seconds=seconds\n  self.ledger_updated=ledger_updated\n  self.tagged=_dflt_tagged() if tagged is _HAS_DEFAULT_FACTORY else tagged\n  self.ledger=ledger\n  self.stamp=stamp\n return __init__': (_43, '__create_fn__'),
    "def __create_fn__(_type_parents, _type_attributes, _type_required, _type_single, _type_text_max, _type_text_required, _type_limits, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_attributes, _dflt_required, _dflt_single, _dflt_text_max, _dflt_text_required, _dflt_limits, _return_type):\n def __init__(self,parents:_type_parents,attributes:_type_attributes=_dflt_attributes,required:_type_required=_dflt_required,single:_type_single=_dflt_single,text_max:_type_text_max=_dflt_text_max,text_required:_type_text_required=_dflt_text_required,limits:_type_limits=_dflt_limits)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['parents']=parents\n  __dataclass_self_dict__['attributes']=attributes\n  __dataclass_self_dict__['required']=required\n  __dataclass_self_dict__['single']=single\n  __dataclass_self_dict__['text_max']=text_max\n  __dataclass_self_dict__['text_required']=text_required\n  __dataclass_self_dict__['limits']=limits\n return __init__": (_44, '__create_fn__'),
    "def __create_fn__(_type_path, _type_mime, _type_language, _type_generated, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_language, _dflt_generated, _return_type):\n def __init__(self,path:_type_path,mime:_type_mime,language:_type_language=_dflt_language,generated:_type_generated=_dflt_generated)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['path']=path\n  __dataclass_self_dict__['mime']=mime\n  __dataclass_self_dict__['language']=language\n  __dataclass_self_dict__['generated']=generated\n return __init__": (_45, '__create_fn__'),
    "def __create_fn__(_type_path, _type_size, _type_mime, _type_kind, _type_duration, _type_bitrate, _type_bitrate_mode, _type_sample_rate, _type_channels, _type_video, _type_height, _type_width, _type_picture_codec, _type_tags, _type_chapters, _type_has_cover, _type_lead, _type_declared, _type_codec, _type_chained, _type_index_last, _type_index_blocker, _type_rate_switch, _type_switch_at, _type_cut, _type_movie_length, _type_location, _type_gap, _type_gap_at, _type_sound_tracks, _type_enabled_sound, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_bitrate, _dflt_bitrate_mode, _dflt_sample_rate, _dflt_channels, _dflt_video, _dflt_height, _dflt_width, _dflt_picture_codec, _dflt_tags, _dflt_chapters, _dflt_has_cover, _dflt_lead, _dflt_declared, _dflt_codec, _dflt_chained, _dflt_index_last, _dflt_index_blocker, _dflt_rate_switch, _dflt_switch_at, _dflt_cut, _dflt_movie_length, _dflt_location, _dflt_gap, _dflt_gap_at, _dflt_sound_tracks, _dflt_enabled_sound, _return_type):\n def __init__(self,path:_type_path,size:_type_size,mime:_type_mime,kind:_type_kind,duration:_type_duration,bitrate:_type_bitrate=_dflt_bitrate,bitrate_mode:_type_bitrate_mode=_dflt_bitrate_mode,sample_rate:_type_sample_rate=_dflt_sample_rate,channels:_type_channels=_dflt_channels,video:_type_video=_dflt_video,height:_type_height=_dflt_height,width:_type_width=_dflt_width,picture_codec:_type_picture_codec=_dflt_picture_codec,tags:_type_tags=_HAS_DEFAULT_FACTORY,chapters:_type_chapters=_dflt_chapters,has_cover:_type_has_cover=_dflt_has_cover,lead:_type_lead=_dflt_lead,declared:_type_declared=_dflt_declared,codec:_type_codec=_dflt_codec,chained:_type_chained=_dflt_chained,index_last:_type_index_last=_dflt_index_last,index_blocker:_type_index_blocker=_dflt_index_blocker,rate_switch:_type_rate_switch=_dflt_rate_switch,switch_at:_type_switch_at=_dflt_switch_at,cut:_type_cut=_dflt_cut,movie_length:_type_movie_length=_dflt_movie_length,location:_type_location=_dflt_location,gap:_type_gap=_dflt_gap,gap_at:_type_gap_at=_dflt_gap_at,sound_tracks:_type_sound_tracks=_dflt_sound_tracks,enabled_sound:_type_enabled_sound=_dflt_enabled_sound)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['path']=path\n  __dataclass_self_dict__['size']=size\n  __dataclass_self_dict__['mime']=mime\n  __dataclass_self_dict__['kind']=kind\n  __dataclass_self_dict__['duration']=duration\n  __dataclass_self_dict__['bitrate']=bitrate\n  __dataclass_self_dict__['bitrate_mode']=bitrate_mode\n  __dataclass_self_dict__['sample_rate']=sample_rate\n  __dataclass_self_dict__['channels']=channels\n  __dataclass_self_dict__['video']=video\n  __dataclass_self_dict__['height']=height\n  __dataclass_self_dict__['width']=width\n  __dataclass_self_dict__['picture_codec']=picture_codec\n  __dataclass_self_dict__['tags']=_dflt_tags() if tags is _HAS_DEFAULT_FACTORY else tags\n  __dataclass_self_dict__['chapters']=chapters\n  __dataclass_self_dict__['has_cover']=has_cover\n  __dataclass_self_dict__['lead']=lead\n  __dataclass_self_dict__['declared']=declared\n  __dataclass_self_dict__['codec']=codec\n  __dataclass_self_dict__['chained']=chained\n  __dataclass_self_dict__['index_last']=index_last\n  __dataclass_self_dict__['index_blocker']=index_blocker\n  __dataclass_self_dict__['rate_switch']=rate_switch\n  __dataclass_self_dict__['switch_at']=switch_at\n  __dataclass_self_dict__['cut']=cut\n  __dataclass_self_dict__['movie_length']=movie_length\n  __dataclass_self_dict__['location']=location\n  __dataclass_self_dict__['gap']=gap\n  __dataclass_self_dict__['gap_at']=gap_at\n  __dataclass_self_dict__['sound_tracks']=sound_tracks\n  __dataclass_self_dict__['enabled_sound']=enabled_sound\n return __init__": (_46, '__create_fn__'),
    "def __create_fn__(_type_path, _type_size, _type_resumed, _type_announced, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_announced, _return_type):\n def __init__(self,path:_type_path,size:_type_size,resumed:_type_resumed,announced:_type_announced=_dflt_announced)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['path']=path\n  __dataclass_self_dict__['size']=size\n  __dataclass_self_dict__['resumed']=resumed\n  __dataclass_self_dict__['announced']=announced\n return __init__": (_47, '__create_fn__'),
    'def __create_fn__(_type_podcast_guid, _type_feed_url, _type_episodes, _type_artwork, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_podcast_guid, _dflt_feed_url, _dflt_episodes, _dflt_artwork, _return_type):\n def __init__(self,podcast_guid:_type_podcast_guid=_dflt_podcast_guid,feed_url:_type_feed_url=_dflt_feed_url,episodes:_type_episodes=_HAS_DEFAULT_FACTORY,artwork:_type_artwork=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.podcast_guid=podcast_guid\n  self.feed_url=feed_url\n  self.episodes=_dflt_episodes() if episodes is _HAS_DEFAULT_FACTORY else episodes\n  self.artwork=_dflt_artwork() if artwork is _HAS_DEFAULT_FACTORY else artwork\n return __init__': (_48, '__create_fn__'),
    "def __create_fn__(_type_problems, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,problems:_type_problems)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['problems']=problems\n return __init__": (_49, '__create_fn__'),
    "def __create_fn__(_type_protocol, _type_uri, _type_account_id, _type_account_url, _type_priority, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_uri, _dflt_account_id, _dflt_account_url, _dflt_priority, _return_type):\n def __init__(self,protocol:_type_protocol,uri:_type_uri=_dflt_uri,account_id:_type_account_id=_dflt_account_id,account_url:_type_account_url=_dflt_account_url,priority:_type_priority=_dflt_priority)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['protocol']=protocol\n  __dataclass_self_dict__['uri']=uri\n  __dataclass_self_dict__['account_id']=account_id\n  __dataclass_self_dict__['account_url']=account_url\n  __dataclass_self_dict__['priority']=priority\n return __init__": (_50, '__create_fn__'),
    "def __create_fn__(_type_recipients, _type_time_splits, _type_type, _type_method, _type_suggested, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_type, _dflt_method, _dflt_suggested, _return_type):\n def __init__(self,recipients:_type_recipients,time_splits:_type_time_splits,type:_type_type=_dflt_type,method:_type_method=_dflt_method,suggested:_type_suggested=_dflt_suggested)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['recipients']=recipients\n  __dataclass_self_dict__['time_splits']=time_splits\n  __dataclass_self_dict__['type']=type\n  __dataclass_self_dict__['method']=method\n  __dataclass_self_dict__['suggested']=suggested\n return __init__": (_51, '__create_fn__'),
    "def __create_fn__(_type_rel, _type_path, _type_size, _type_sha256, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,rel:_type_rel,path:_type_path,size:_type_size,sha256:_type_sha256)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['rel']=rel\n  __dataclass_self_dict__['path']=path\n  __dataclass_self_dict__['size']=size\n  __dataclass_self_dict__['sha256']=sha256\n return __init__": (_52, '__create_fn__'),
    "def __create_fn__(_type_rel, _type_path, _type_size, _type_sha256, _type_type, _type_cache, _type_phase, _type_replaces, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_replaces, _return_type):\n def __init__(self,rel:_type_rel,path:_type_path,size:_type_size,sha256:_type_sha256,type:_type_type,cache:_type_cache,phase:_type_phase,replaces:_type_replaces=_dflt_replaces)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['rel']=rel\n  __dataclass_self_dict__['path']=path\n  __dataclass_self_dict__['size']=size\n  __dataclass_self_dict__['sha256']=sha256\n  __dataclass_self_dict__['type']=type\n  __dataclass_self_dict__['cache']=cache\n  __dataclass_self_dict__['phase']=phase\n  __dataclass_self_dict__['replaces']=replaces\n return __init__": (_53, '__create_fn__'),
    'def __create_fn__(_type_root, _type_out, _type_report, _type_waiting, _type_wait, _type_lock, _type_builds, _type_bases, _type_exit_code, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_waiting, _dflt_wait, _dflt_lock, _dflt_builds, _dflt_bases, _dflt_exit_code, _return_type):\n def __init__(self,root:_type_root,out:_type_out,report:_type_report,waiting:_type_waiting=_dflt_waiting,wait:_type_wait=_dflt_wait,lock:_type_lock=_HAS_DEFAULT_FACTORY,builds:_type_builds=_dflt_builds,bases:_type_bases=_dflt_bases,exit_code:_type_exit_code=_dflt_exit_code)->_return_type:\n  self.root=root\n  self.out=out\n  self.report=report\n  self.waiting=waiting\n  self.wait=wait\n  self.lock=_dflt_lock() if lock is _HAS_DEFAULT_FACTORY else lock\n  self.builds=builds\n  self.bases=bases\n  self.exit_code=exit_code\n return __init__': (_54, '__create_fn__'),
    'def __create_fn__(_type_root, _type_rebuild, _type_interval, _type_stop, _type_state, _type_failed, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_interval, _dflt_stop, _dflt_state, _dflt_failed, _return_type):\n def __init__(self,root:_type_root,rebuild:_type_rebuild,interval:_type_interval=_dflt_interval,stop:_type_stop=_HAS_DEFAULT_FACTORY,state:_type_state=_HAS_DEFAULT_FACTORY,failed:_type_failed=_dflt_failed)->_return_type:\n  self.root=root\n  self.rebuild=rebuild\n  self.interval=interval\n  self.stop=_dflt_stop() if stop is _HAS_DEFAULT_FACTORY else stop\n  self.state=_dflt_state() if state is _HAS_DEFAULT_FACTORY else state\n  self.failed=failed\n return __init__': (_55, '__create_fn__'),
    'def __create_fn__(_type_root, _type_show, _type_episodes, _type_media, _type_problems, _type_now, _type_artwork_size, _type_episode_artwork, _type_show_key, _type_fingerprints, _type_notes_keys, _type_cached, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_episodes, _dflt_media, _dflt_problems, _dflt_now, _dflt_artwork_size, _dflt_episode_artwork, _dflt_show_key, _dflt_fingerprints, _dflt_notes_keys, _dflt_cached, _return_type):\n def __init__(self,root:_type_root,show:_type_show,episodes:_type_episodes=_HAS_DEFAULT_FACTORY,media:_type_media=_HAS_DEFAULT_FACTORY,problems:_type_problems=_HAS_DEFAULT_FACTORY,now:_type_now=_HAS_DEFAULT_FACTORY,artwork_size:_type_artwork_size=_dflt_artwork_size,episode_artwork:_type_episode_artwork=_HAS_DEFAULT_FACTORY,show_key:_type_show_key=_dflt_show_key,fingerprints:_type_fingerprints=_HAS_DEFAULT_FACTORY,notes_keys:_type_notes_keys=_HAS_DEFAULT_FACTORY,cached:_type_cached=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.root=root\n  self.show=show\n  self.episodes=_dflt_episodes() if episodes is _HAS_DEFAULT_FACTORY else episodes\n  self.media=_dflt_media() if media is _HAS_DEFAULT_FACTORY else media\n  self.problems=_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems\n  self.now=_dflt_now() if now is _HAS_DEFAULT_FACTORY else now\n  self.artwork_size=artwork_size\n  self.episode_artwork=_dflt_episode_artwork() if episode_artwork is _HAS_DEFAULT_FACTORY else episode_artwork\n  self.show_key=show_key\n  self.fingerprints=_dflt_fingerprints() if fingerprints is _HAS_DEFAULT_FACTORY else fingerprints\n  self.notes_keys=_dflt_notes_keys() if notes_keys is _HAS_DEFAULT_FACTORY else notes_keys\n  self.cached=_dflt_cached() if cached is _HAS_DEFAULT_FACTORY else cached\n return __init__': (_56, '__create_fn__'),
    "def __create_fn__(_type_root, _type_title, _type_description, _type_url, _type_feed_url, _type_media_url, _type_language, _type_author, _type_owner, _type_category, _type_subcategory, _type_explicit, _type_type, _type_artwork, _type_artwork_alt, _type_copyright, _type_podcast_guid, _type_locked, _type_locked_owner, _type_funding, _type_persons, _type_license, _type_medium, _type_location, _type_keywords, _type_update_frequency, _type_update_rrule, _type_update_dtstart, _type_txt, _type_podroll, _type_value, _type_social, _type_chat, _type_publisher, _type_new_feed_url, _type_block, _type_block_services, _type_complete, _type_links, _type_support, _type_seasons, _type_feed_limit, _type_page_size, _type_checks_select, _type_checks_ignore, _type_tag_on_build, _type_words, _type_publish, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_subcategory, _dflt_explicit, _dflt_type, _dflt_artwork, _dflt_artwork_alt, _dflt_copyright, _dflt_podcast_guid, _dflt_locked, _dflt_locked_owner, _dflt_funding, _dflt_persons, _dflt_license, _dflt_medium, _dflt_location, _dflt_keywords, _dflt_update_frequency, _dflt_update_rrule, _dflt_update_dtstart, _dflt_txt, _dflt_podroll, _dflt_value, _dflt_social, _dflt_chat, _dflt_publisher, _dflt_new_feed_url, _dflt_block, _dflt_block_services, _dflt_complete, _dflt_links, _dflt_support, _dflt_seasons, _dflt_feed_limit, _dflt_page_size, _dflt_checks_select, _dflt_checks_ignore, _dflt_tag_on_build, _dflt_words, _dflt_publish, _return_type):\n def __init__(self,root:_type_root,title:_type_title,description:_type_description,url:_type_url,feed_url:_type_feed_url,media_url:_type_media_url,language:_type_language,author:_type_author,owner:_type_owner,category:_type_category,subcategory:_type_subcategory=_dflt_subcategory,explicit:_type_explicit=_dflt_explicit,type:_type_type=_dflt_type,artwork:_type_artwork=_dflt_artwork,artwork_alt:_type_artwork_alt=_dflt_artwork_alt,copyright:_type_copyright=_dflt_copyright,podcast_guid:_type_podcast_guid=_dflt_podcast_guid,locked:_type_locked=_dflt_locked,locked_owner:_type_locked_owner=_dflt_locked_owner,funding:_type_funding=_dflt_funding,persons:_type_persons=_dflt_persons,license:_type_license=_dflt_license,medium:_type_medium=_dflt_medium,location:_type_location=_dflt_location,keywords:_type_keywords=_dflt_keywords,update_frequency:_type_update_frequency=_dflt_update_frequency,update_rrule:_type_update_rrule=_dflt_update_rrule,update_dtstart:_type_update_dtstart=_dflt_update_dtstart,txt:_type_txt=_dflt_txt,podroll:_type_podroll=_dflt_podroll,value:_type_value=_dflt_value,social:_type_social=_dflt_social,chat:_type_chat=_dflt_chat,publisher:_type_publisher=_dflt_publisher,new_feed_url:_type_new_feed_url=_dflt_new_feed_url,block:_type_block=_dflt_block,block_services:_type_block_services=_dflt_block_services,complete:_type_complete=_dflt_complete,links:_type_links=_dflt_links,support:_type_support=_dflt_support,seasons:_type_seasons=_dflt_seasons,feed_limit:_type_feed_limit=_dflt_feed_limit,page_size:_type_page_size=_dflt_page_size,checks_select:_type_checks_select=_dflt_checks_select,checks_ignore:_type_checks_ignore=_dflt_checks_ignore,tag_on_build:_type_tag_on_build=_dflt_tag_on_build,words:_type_words=_dflt_words,publish:_type_publish=_HAS_DEFAULT_FACTORY)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['root']=root\n  __dataclass_self_dict__['title']=title\n  __dataclass_self_dict__['description']=description\n  __dataclass_self_dict__['url']=url\n  __dataclass_self_dict__['feed_url']=feed_url\n  __dataclass_self_dict__['media_url']=media_url\n  __dataclass_self_dict__['language']=language\n  __dataclass_self_dict__['author']=author\n  __dataclass_self_dict__['owner']=owner\n  __dataclass_self_dict__['category']=category\n  __dataclass_self_dict__['subcategory']=subcategory\n  __dataclass_self_dict__['explicit']=explicit\n  __dataclass_self_dict__['type']=type\n  __dataclass_self_dict__['artwork']=artwork\n  __dataclass_self_dict__['artwork_alt']=artwork_alt\n  __dataclass_self_dict__['copyright']=copyright\n  __dataclass_self_dict__['podcast_guid']=podcast_guid\n  __dataclass_self_dict__['locked']=locked\n  __dataclass_self_dict__['locked_owner']=locked_owner\n  __dataclass_self_dict__['funding']=funding\n  __dataclass_self_dict__['persons']=persons\n  __dataclass_self_dict__['license']=license\n  __dataclass_self_dict__['medium']=medium\n  __dataclass_self_dict__['location']=location\n  __dataclass_self_dict__['keywords']=keywords\n  __dataclass_self_dict__['update_frequency']=update_frequency\n  __dataclass_self_dict__['update_rrule']=update_rrule\n  __dataclass_self_dict__['update_dtstart']=update_dtstart\n  __dataclass_self_dict__['txt']=txt\n  __dataclass_self_dict__['podroll']=podroll\n  __dataclass_self_dict__['value']=value\n  __dataclass_self_dict__['social']=social\n  __dataclass_self_dict__['chat']=chat\n  __dataclass_self_dict__['publisher']=publisher\n  __dataclass_self_dict__['new_feed_url']=new_feed_url\n  __dataclass_self_dict__['block']=block\n  __dataclass_self_dict__['block_services']=block_services\n  __dataclass_self_dict__['complete']=complete\n  __dataclass_self_dict__['links']=links\n  __dataclass_self_dict__['support']=support\n  __dataclass_self_dict__['seasons']=seasons\n  __dataclass_self_dict__['feed_limit']=feed_limit\n  __dataclass_self_dict__['page_size']=page_size\n  __dataclass_self_dict__['checks_select']=checks_select\n  __dataclass_self_dict__['checks_ignore']=checks_ignore\n  __dataclass_self_dict__['tag_on_build']=tag_on_build\n  __dataclass_self_dict__['words']=words\n  __dataclass_self_dict__['publish']=_dflt_publish() if publish is _HAS_DEFAULT_FACTORY else publish\n return __init__": (_57, '__create_fn__'),
    "def __create_fn__(_type_server, _type_protocol, _type_account_id, _type_space, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_account_id, _dflt_space, _return_type):\n def __init__(self,server:_type_server,protocol:_type_protocol,account_id:_type_account_id=_dflt_account_id,space:_type_space=_dflt_space)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['server']=server\n  __dataclass_self_dict__['protocol']=protocol\n  __dataclass_self_dict__['account_id']=account_id\n  __dataclass_self_dict__['space']=space\n return __init__": (_58, '__create_fn__'),
    "def __create_fn__(_type_service, _type_url, _type_ok, _type_status, _type_message, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_status, _dflt_message, _return_type):\n def __init__(self,service:_type_service,url:_type_url,ok:_type_ok,status:_type_status=_dflt_status,message:_type_message=_dflt_message)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['service']=service\n  __dataclass_self_dict__['url']=url\n  __dataclass_self_dict__['ok']=ok\n  __dataclass_self_dict__['status']=status\n  __dataclass_self_dict__['message']=message\n return __init__": (_59, '__create_fn__'),
    "def __create_fn__(_type_sha256, _type_size, _type_type, _type_cache, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_type, _dflt_cache, _return_type):\n def __init__(self,sha256:_type_sha256,size:_type_size,type:_type_type=_dflt_type,cache:_type_cache=_dflt_cache)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['sha256']=sha256\n  __dataclass_self_dict__['size']=size\n  __dataclass_self_dict__['type']=type\n  __dataclass_self_dict__['cache']=cache\n return __init__": (_60, '__create_fn__'),
    'def __create_fn__(_type_show, _type_feed, _type_old_feed_url, _type_new_feed_url, _type_podcast_guid, _type_show_written, _type_artwork, _type_imported, _type_skipped, _type_downloaded, _type_missing_media, _type_media, _type_failed, _type_problems, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_old_feed_url, _dflt_new_feed_url, _dflt_podcast_guid, _dflt_show_written, _dflt_artwork, _dflt_imported, _dflt_skipped, _dflt_downloaded, _dflt_missing_media, _dflt_media, _dflt_failed, _dflt_problems, _return_type):\n def __init__(self,show:_type_show,feed:_type_feed,old_feed_url:_type_old_feed_url=_dflt_old_feed_url,new_feed_url:_type_new_feed_url=_dflt_new_feed_url,podcast_guid:_type_podcast_guid=_dflt_podcast_guid,show_written:_type_show_written=_dflt_show_written,artwork:_type_artwork=_dflt_artwork,imported:_type_imported=_HAS_DEFAULT_FACTORY,skipped:_type_skipped=_HAS_DEFAULT_FACTORY,downloaded:_type_downloaded=_HAS_DEFAULT_FACTORY,missing_media:_type_missing_media=_HAS_DEFAULT_FACTORY,media:_type_media=_HAS_DEFAULT_FACTORY,failed:_type_failed=_HAS_DEFAULT_FACTORY,problems:_type_problems=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.show=show\n  self.feed=feed\n  self.old_feed_url=old_feed_url\n  self.new_feed_url=new_feed_url\n  self.podcast_guid=podcast_guid\n  self.show_written=show_written\n  self.artwork=artwork\n  self.imported=_dflt_imported() if imported is _HAS_DEFAULT_FACTORY else imported\n  self.skipped=_dflt_skipped() if skipped is _HAS_DEFAULT_FACTORY else skipped\n  self.downloaded=_dflt_downloaded() if downloaded is _HAS_DEFAULT_FACTORY else downloaded\n  self.missing_media=_dflt_missing_media() if missing_media is _HAS_DEFAULT_FACTORY else missing_media\n  self.media=_dflt_media() if media is _HAS_DEFAULT_FACTORY else media\n  self.failed=_dflt_failed() if failed is _HAS_DEFAULT_FACTORY else failed\n  self.problems=_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems\n return __init__': (_61, '__create_fn__'),
    "def __create_fn__(_type_slug, _type_number, _type_season, _type_date, _type_title, _type_duration, _type_status, _type_errors, _type_warnings, _type_guid, _type_episode_type, _type_unreadable, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_unreadable, _dflt_reason, _return_type):\n def __init__(self,slug:_type_slug,number:_type_number,season:_type_season,date:_type_date,title:_type_title,duration:_type_duration,status:_type_status,errors:_type_errors,warnings:_type_warnings,guid:_type_guid,episode_type:_type_episode_type,unreadable:_type_unreadable=_dflt_unreadable,reason:_type_reason=_dflt_reason)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['slug']=slug\n  __dataclass_self_dict__['number']=number\n  __dataclass_self_dict__['season']=season\n  __dataclass_self_dict__['date']=date\n  __dataclass_self_dict__['title']=title\n  __dataclass_self_dict__['duration']=duration\n  __dataclass_self_dict__['status']=status\n  __dataclass_self_dict__['errors']=errors\n  __dataclass_self_dict__['warnings']=warnings\n  __dataclass_self_dict__['guid']=guid\n  __dataclass_self_dict__['episode_type']=episode_type\n  __dataclass_self_dict__['unreadable']=unreadable\n  __dataclass_self_dict__['reason']=reason\n return __init__": (_62, '__create_fn__'),
    "def __create_fn__(_type_slug, _type_path, _type_audio, _type_guid, _type_title, _type_date, _type_season, _type_number, _type_episode_type, _type_draft, _type_duration, _type_problems, _type_chapters, _type_renamed, _type_renamed_because, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_problems, _dflt_chapters, _dflt_renamed, _dflt_renamed_because, _return_type):\n def __init__(self,slug:_type_slug,path:_type_path,audio:_type_audio,guid:_type_guid,title:_type_title,date:_type_date,season:_type_season,number:_type_number,episode_type:_type_episode_type,draft:_type_draft,duration:_type_duration,problems:_type_problems=_dflt_problems,chapters:_type_chapters=_dflt_chapters,renamed:_type_renamed=_dflt_renamed,renamed_because:_type_renamed_because=_dflt_renamed_because)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['slug']=slug\n  __dataclass_self_dict__['path']=path\n  __dataclass_self_dict__['audio']=audio\n  __dataclass_self_dict__['guid']=guid\n  __dataclass_self_dict__['title']=title\n  __dataclass_self_dict__['date']=date\n  __dataclass_self_dict__['season']=season\n  __dataclass_self_dict__['number']=number\n  __dataclass_self_dict__['episode_type']=episode_type\n  __dataclass_self_dict__['draft']=draft\n  __dataclass_self_dict__['duration']=duration\n  __dataclass_self_dict__['problems']=problems\n  __dataclass_self_dict__['chapters']=chapters\n  __dataclass_self_dict__['renamed']=renamed\n  __dataclass_self_dict__['renamed_because']=renamed_because\n return __init__": (_63, '__create_fn__'),
    "def __create_fn__(_type_slug, _type_source, _type_title, _type_date, _type_guid, _type_audio, _type_notes_markdown, _type_summary, _type_season, _type_number, _type_decimal_number, _type_episode_display, _type_episode_type, _type_explicit, _type_itunes_title, _type_artwork, _type_artwork_alt, _type_chat, _type_content_links, _type_transcripts, _type_chapters, _type_chapters_source, _type_persons, _type_soundbites, _type_location, _type_license, _type_funding, _type_alternate_enclosures, _type_keywords, _type_txt, _type_value, _type_social, _type_content_note, _type_block, _type_guid_permalink, _type_draft, _type_updated, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_notes_markdown, _dflt_summary, _dflt_season, _dflt_number, _dflt_decimal_number, _dflt_episode_display, _dflt_episode_type, _dflt_explicit, _dflt_itunes_title, _dflt_artwork, _dflt_artwork_alt, _dflt_chat, _dflt_content_links, _dflt_transcripts, _dflt_chapters, _dflt_chapters_source, _dflt_persons, _dflt_soundbites, _dflt_location, _dflt_license, _dflt_funding, _dflt_alternate_enclosures, _dflt_keywords, _dflt_txt, _dflt_value, _dflt_social, _dflt_content_note, _dflt_block, _dflt_guid_permalink, _dflt_draft, _dflt_updated, _return_type):\n def __init__(self,slug:_type_slug,source:_type_source,title:_type_title,date:_type_date,guid:_type_guid,audio:_type_audio,notes_markdown:_type_notes_markdown=_dflt_notes_markdown,summary:_type_summary=_dflt_summary,season:_type_season=_dflt_season,number:_type_number=_dflt_number,decimal_number:_type_decimal_number=_dflt_decimal_number,episode_display:_type_episode_display=_dflt_episode_display,episode_type:_type_episode_type=_dflt_episode_type,explicit:_type_explicit=_dflt_explicit,itunes_title:_type_itunes_title=_dflt_itunes_title,artwork:_type_artwork=_dflt_artwork,artwork_alt:_type_artwork_alt=_dflt_artwork_alt,chat:_type_chat=_dflt_chat,content_links:_type_content_links=_dflt_content_links,transcripts:_type_transcripts=_dflt_transcripts,chapters:_type_chapters=_dflt_chapters,chapters_source:_type_chapters_source=_dflt_chapters_source,persons:_type_persons=_dflt_persons,soundbites:_type_soundbites=_dflt_soundbites,location:_type_location=_dflt_location,license:_type_license=_dflt_license,funding:_type_funding=_dflt_funding,alternate_enclosures:_type_alternate_enclosures=_dflt_alternate_enclosures,keywords:_type_keywords=_dflt_keywords,txt:_type_txt=_dflt_txt,value:_type_value=_dflt_value,social:_type_social=_dflt_social,content_note:_type_content_note=_dflt_content_note,block:_type_block=_dflt_block,guid_permalink:_type_guid_permalink=_dflt_guid_permalink,draft:_type_draft=_dflt_draft,updated:_type_updated=_dflt_updated)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['slug']=slug\n  __dataclass_self_dict__['source']=source\n  __dataclass_self_dict__['title']=title\n  __dataclass_self_dict__['date']=date\n  __dataclass_self_dict__['guid']=guid\n  __dataclass_self_dict__['audio']=audio\n  __dataclass_self_dict__['notes_markdown']=notes_markdown\n  __dataclass_self_dict__['summary']=summary\n  __dataclass_self_dict__['season']=season\n  __dataclass_self_dict__['number']=number\n  __dataclass_self_dict__['decimal_number']=decimal_number\n  __dataclass_self_dict__['episode_display']=episode_display\n  __dataclass_self_dict__['episode_type']=episode_type\n  __dataclass_self_dict__['explicit']=explicit\n  __dataclass_self_dict__['itunes_title']=itunes_title\n  __dataclass_self_dict__['artwork']=artwork\n  __dataclass_self_dict__['artwork_alt']=artwork_alt\n  __dataclass_self_dict__['chat']=chat\n  __dataclass_self_dict__['content_links']=content_links\n  __dataclass_self_dict__['transcripts']=transcripts\n  __dataclass_self_dict__['chapters']=chapters\n  __dataclass_self_dict__['chapters_source']=chapters_source\n  __dataclass_self_dict__['persons']=persons\n  __dataclass_self_dict__['soundbites']=soundbites\n  __dataclass_self_dict__['location']=location\n  __dataclass_self_dict__['license']=license\n  __dataclass_self_dict__['funding']=funding\n  __dataclass_self_dict__['alternate_enclosures']=alternate_enclosures\n  __dataclass_self_dict__['keywords']=keywords\n  __dataclass_self_dict__['txt']=txt\n  __dataclass_self_dict__['value']=value\n  __dataclass_self_dict__['social']=social\n  __dataclass_self_dict__['content_note']=content_note\n  __dataclass_self_dict__['block']=block\n  __dataclass_self_dict__['guid_permalink']=guid_permalink\n  __dataclass_self_dict__['draft']=draft\n  __dataclass_self_dict__['updated']=updated\n return __init__": (_64, '__create_fn__'),
    "def __create_fn__(_type_slug, _type_where, _type_files, _type_identity, _type_racy, _type_others, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_identity, _dflt_racy, _dflt_others, _return_type):\n def __init__(self,slug:_type_slug,where:_type_where,files:_type_files,identity:_type_identity=_dflt_identity,racy:_type_racy=_dflt_racy,others:_type_others=_dflt_others)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['slug']=slug\n  __dataclass_self_dict__['where']=where\n  __dataclass_self_dict__['files']=files\n  __dataclass_self_dict__['identity']=identity\n  __dataclass_self_dict__['racy']=racy\n  __dataclass_self_dict__['others']=others\n return __init__": (_65, '__create_fn__'),
    'def __create_fn__(_type_source, _type_root, _type_channel, _type_itunes, _type_podcast, _type_names, _type_listed, _type_elsewhere, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_itunes, _dflt_podcast, _dflt_names, _dflt_listed, _dflt_elsewhere, _return_type):\n def __init__(self,source:_type_source,root:_type_root,channel:_type_channel,itunes:_type_itunes=_dflt_itunes,podcast:_type_podcast=_dflt_podcast,names:_type_names=_HAS_DEFAULT_FACTORY,listed:_type_listed=_HAS_DEFAULT_FACTORY,elsewhere:_type_elsewhere=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.source=source\n  self.root=root\n  self.channel=channel\n  self.itunes=itunes\n  self.podcast=podcast\n  self.names=_dflt_names() if names is _HAS_DEFAULT_FACTORY else names\n  self.listed=_dflt_listed() if listed is _HAS_DEFAULT_FACTORY else listed\n  self.elsewhere=_dflt_elsewhere() if elsewhere is _HAS_DEFAULT_FACTORY else elsewhere\n return __init__': (_66, '__create_fn__'),
    "def __create_fn__(_type_speaker, _type_start, _type_text, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,speaker:_type_speaker,start:_type_start,text:_type_text)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['speaker']=speaker\n  __dataclass_self_dict__['start']=start\n  __dataclass_self_dict__['text']=text\n return __init__": (_67, '__create_fn__'),
    "def __create_fn__(_type_start, _type_duration, _type_recipients, _type_remote_item, _type_remote_start, _type_remote_percentage, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_recipients, _dflt_remote_item, _dflt_remote_start, _dflt_remote_percentage, _return_type):\n def __init__(self,start:_type_start,duration:_type_duration,recipients:_type_recipients=_dflt_recipients,remote_item:_type_remote_item=_dflt_remote_item,remote_start:_type_remote_start=_dflt_remote_start,remote_percentage:_type_remote_percentage=_dflt_remote_percentage)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['start']=start\n  __dataclass_self_dict__['duration']=duration\n  __dataclass_self_dict__['recipients']=recipients\n  __dataclass_self_dict__['remote_item']=remote_item\n  __dataclass_self_dict__['remote_start']=remote_start\n  __dataclass_self_dict__['remote_percentage']=remote_percentage\n return __init__": (_68, '__create_fn__'),
    "def __create_fn__(_type_start, _type_duration, _type_title, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_title, _return_type):\n def __init__(self,start:_type_start,duration:_type_duration,title:_type_title=_dflt_title)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['start']=start\n  __dataclass_self_dict__['duration']=duration\n  __dataclass_self_dict__['title']=title\n return __init__": (_69, '__create_fn__'),
    "def __create_fn__(_type_start, _type_end, _type_text, _type_speaker, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_speaker, _return_type):\n def __init__(self,start:_type_start,end:_type_end,text:_type_text,speaker:_type_speaker=_dflt_speaker)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['start']=start\n  __dataclass_self_dict__['end']=end\n  __dataclass_self_dict__['text']=text\n  __dataclass_self_dict__['speaker']=speaker\n return __init__": (_70, '__create_fn__'),
    "def __create_fn__(_type_start, _type_title, _type_end, _type_url, _type_toc, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_end, _dflt_url, _dflt_toc, _return_type):\n def __init__(self,start:_type_start,title:_type_title,end:_type_end=_dflt_end,url:_type_url=_dflt_url,toc:_type_toc=_dflt_toc)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['start']=start\n  __dataclass_self_dict__['title']=title\n  __dataclass_self_dict__['end']=end\n  __dataclass_self_dict__['url']=url\n  __dataclass_self_dict__['toc']=toc\n return __init__": (_71, '__create_fn__'),
    "def __create_fn__(_type_start, _type_title, _type_url, _type_img, _type_toc, _type_end, _type_location, _type_geo, _type_origin, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_url, _dflt_img, _dflt_toc, _dflt_end, _dflt_location, _dflt_geo, _dflt_origin, _return_type):\n def __init__(self,start:_type_start,title:_type_title,url:_type_url=_dflt_url,img:_type_img=_dflt_img,toc:_type_toc=_dflt_toc,end:_type_end=_dflt_end,location:_type_location=_dflt_location,geo:_type_geo=_dflt_geo,origin:_type_origin=_dflt_origin)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['start']=start\n  __dataclass_self_dict__['title']=title\n  __dataclass_self_dict__['url']=url\n  __dataclass_self_dict__['img']=img\n  __dataclass_self_dict__['toc']=toc\n  __dataclass_self_dict__['end']=end\n  __dataclass_self_dict__['location']=location\n  __dataclass_self_dict__['geo']=geo\n  __dataclass_self_dict__['origin']=origin\n return __init__": (_72, '__create_fn__'),
    'def __create_fn__(_type_status, _type_instructions, _type_rules, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_instructions, _dflt_rules, _return_type):\n def __init__(self,status:_type_status,instructions:_type_instructions=_dflt_instructions,rules:_type_rules=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.status=status\n  self.instructions=instructions\n  self.rules=_dflt_rules() if rules is _HAS_DEFAULT_FACTORY else rules\n return __init__': (_73, '__create_fn__'),
    "def __create_fn__(_type_stem, _type_items, _type_paging, _type_number, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_number, _return_type):\n def __init__(self,stem:_type_stem,items:_type_items,paging:_type_paging,number:_type_number=_dflt_number)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['stem']=stem\n  __dataclass_self_dict__['items']=items\n  __dataclass_self_dict__['paging']=paging\n  __dataclass_self_dict__['number']=number\n return __init__": (_74, '__create_fn__'),
    'def __create_fn__(_type_target, _type_kind, _type_problems, _type_episodes, _type_urls_checked, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_problems, _dflt_episodes, _dflt_urls_checked, _return_type):\n def __init__(self,target:_type_target,kind:_type_kind,problems:_type_problems=_HAS_DEFAULT_FACTORY,episodes:_type_episodes=_dflt_episodes,urls_checked:_type_urls_checked=_dflt_urls_checked)->_return_type:\n  self.target=target\n  self.kind=kind\n  self.problems=_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems\n  self.episodes=episodes\n  self.urls_checked=urls_checked\n return __init__': (_75, '__create_fn__'),
    'def __create_fn__(_type_target, _type_where, _type_output, _type_dry_run, _type_uploads, _type_unchanged, _type_deleted, _type_protected, _type_stale, _type_cors, _type_notifications, _type_planned_notifications, _type_problems, _type_swept, _type_built, _type_ledger_updated, _type_seconds, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_dry_run, _dflt_uploads, _dflt_unchanged, _dflt_deleted, _dflt_protected, _dflt_stale, _dflt_cors, _dflt_notifications, _dflt_planned_notifications, _dflt_problems, _dflt_swept, _dflt_built, _dflt_ledger_updated, _dflt_seconds, _return_type):\n def __init__(self,target:_type_target,where:_type_where,output:_type_output,dry_run:_type_dry_run=_dflt_dry_run,uploads:_type_uploads=_HAS_DEFAULT_FACTORY,unchanged:_type_unchanged=_dflt_unchanged,deleted:_type_deleted=_HAS_DEFAULT_FACTORY,protected:_type_protected=_HAS_DEFAULT_FACTORY,stale:_type_stale=_HAS_DEFAULT_FACTORY,cors:_type_cors=_HAS_DEFAULT_FACTORY,notifications:_type_notifications=_HAS_DEFAULT_FACTORY,planned_notifications:_type_planned_notifications=_HAS_DEFAULT_FACTORY,problems:_type_problems=_HAS_DEFAULT_FACTORY,swept:_type_swept=_HAS_DEFAULT_FACTORY,built:_type_built=_dflt_built,ledger_updated:_type_ledger_updated=_dflt_ledger_updated,seconds:_type_seconds=_dflt_seconds)->_return_type:\n  self.target=target\n  self.where=where\n  self.output=output\n  self.dry_run=dry_run\n  self.uploads=_dflt_uploads() if uploads is _HAS_DEFAULT_FACTORY else uploads\n  self.unchanged=unchanged\n  self.deleted=_dflt_deleted() if deleted is _HAS_DEFAULT_FACTORY else deleted\n  self.protected=_dflt_protected() if protected is _HAS_DEFAULT_FACTORY else protected\n  self.stale=_dflt_stale() if stale is _HAS_DEFAULT_FACTORY else stale\n  self.cors=_dflt_cors() if cors is _HAS_DEFAULT_FACTORY else cors\n  self.notifications=_dflt_notifications() if notifications is _HAS_DEFAULT_FACTORY else notifications\n  self.planned_notifications=_dflt_planned_notifications() if planned_notifications is _HAS_DEFAULT_FACTORY else planned_notifications\n  self.problems=_dflt_problems() if problems is _HAS_DEFAULT_FACTORY else problems\n  self.swept=_dflt_swept() if swept is _HAS_DEFAULT_FACTORY else swept\n  self.built=built\n  self.ledger_updated=ledger_updated\n  self.seconds=seconds\n return __init__': (_76, '__create_fn__'),
    "def __create_fn__(_type_targets, _type_default, _type_cache, _type_notify, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_targets, _dflt_default, _dflt_cache, _dflt_notify, _return_type):\n def __init__(self,targets:_type_targets=_HAS_DEFAULT_FACTORY,default:_type_default=_dflt_default,cache:_type_cache=_dflt_cache,notify:_type_notify=_dflt_notify)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['targets']=_dflt_targets() if targets is _HAS_DEFAULT_FACTORY else targets\n  __dataclass_self_dict__['default']=default\n  __dataclass_self_dict__['cache']=cache\n  __dataclass_self_dict__['notify']=notify\n return __init__": (_77, '__create_fn__'),
    "def __create_fn__(_type_title, _type_artist, _type_album_artist, _type_album, _type_track, _type_disc, _type_date, _type_genre, _type_comment, _type_short_description, _type_description, _type_podcast, _type_guid, _type_feed_url, _type_cover, _type_chapters, _type_id3_version, _type_leading_id3, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_title, _dflt_artist, _dflt_album_artist, _dflt_album, _dflt_track, _dflt_disc, _dflt_date, _dflt_genre, _dflt_comment, _dflt_short_description, _dflt_description, _dflt_podcast, _dflt_guid, _dflt_feed_url, _dflt_cover, _dflt_chapters, _dflt_id3_version, _dflt_leading_id3, _return_type):\n def __init__(self,title:_type_title=_dflt_title,artist:_type_artist=_dflt_artist,album_artist:_type_album_artist=_dflt_album_artist,album:_type_album=_dflt_album,track:_type_track=_dflt_track,disc:_type_disc=_dflt_disc,date:_type_date=_dflt_date,genre:_type_genre=_dflt_genre,comment:_type_comment=_dflt_comment,short_description:_type_short_description=_dflt_short_description,description:_type_description=_dflt_description,podcast:_type_podcast=_dflt_podcast,guid:_type_guid=_dflt_guid,feed_url:_type_feed_url=_dflt_feed_url,cover:_type_cover=_dflt_cover,chapters:_type_chapters=_dflt_chapters,id3_version:_type_id3_version=_dflt_id3_version,leading_id3:_type_leading_id3=_dflt_leading_id3)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['title']=title\n  __dataclass_self_dict__['artist']=artist\n  __dataclass_self_dict__['album_artist']=album_artist\n  __dataclass_self_dict__['album']=album\n  __dataclass_self_dict__['track']=track\n  __dataclass_self_dict__['disc']=disc\n  __dataclass_self_dict__['date']=date\n  __dataclass_self_dict__['genre']=genre\n  __dataclass_self_dict__['comment']=comment\n  __dataclass_self_dict__['short_description']=short_description\n  __dataclass_self_dict__['description']=description\n  __dataclass_self_dict__['podcast']=podcast\n  __dataclass_self_dict__['guid']=guid\n  __dataclass_self_dict__['feed_url']=feed_url\n  __dataclass_self_dict__['cover']=cover\n  __dataclass_self_dict__['chapters']=chapters\n  __dataclass_self_dict__['id3_version']=id3_version\n  __dataclass_self_dict__['leading_id3']=leading_id3\n return __init__": (_78, '__create_fn__'),
    'def __create_fn__(_type_title, _type_description, _type_link, _type_language, _type_author, _type_owner_name, _type_owner_email, _type_category, _type_subcategory, _type_explicit, _type_show_type, _type_image, _type_copyright, _type_podcast_guid, _type_self_url, _type_new_feed_url, _type_locked, _type_locked_owner, _type_keywords, _type_persons, _type_funding, _type_value, _type_social, _type_license, _type_medium, _type_complete, _type_block, _type_extra, _type_trailers, _type_episodes, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_title, _dflt_description, _dflt_link, _dflt_language, _dflt_author, _dflt_owner_name, _dflt_owner_email, _dflt_category, _dflt_subcategory, _dflt_explicit, _dflt_show_type, _dflt_image, _dflt_copyright, _dflt_podcast_guid, _dflt_self_url, _dflt_new_feed_url, _dflt_locked, _dflt_locked_owner, _dflt_keywords, _dflt_persons, _dflt_funding, _dflt_value, _dflt_social, _dflt_license, _dflt_medium, _dflt_complete, _dflt_block, _dflt_extra, _dflt_trailers, _dflt_episodes, _return_type):\n def __init__(self,title:_type_title=_dflt_title,description:_type_description=_dflt_description,link:_type_link=_dflt_link,language:_type_language=_dflt_language,author:_type_author=_dflt_author,owner_name:_type_owner_name=_dflt_owner_name,owner_email:_type_owner_email=_dflt_owner_email,category:_type_category=_dflt_category,subcategory:_type_subcategory=_dflt_subcategory,explicit:_type_explicit=_dflt_explicit,show_type:_type_show_type=_dflt_show_type,image:_type_image=_dflt_image,copyright:_type_copyright=_dflt_copyright,podcast_guid:_type_podcast_guid=_dflt_podcast_guid,self_url:_type_self_url=_dflt_self_url,new_feed_url:_type_new_feed_url=_dflt_new_feed_url,locked:_type_locked=_dflt_locked,locked_owner:_type_locked_owner=_dflt_locked_owner,keywords:_type_keywords=_dflt_keywords,persons:_type_persons=_dflt_persons,funding:_type_funding=_dflt_funding,value:_type_value=_dflt_value,social:_type_social=_dflt_social,license:_type_license=_dflt_license,medium:_type_medium=_dflt_medium,complete:_type_complete=_dflt_complete,block:_type_block=_dflt_block,extra:_type_extra=_HAS_DEFAULT_FACTORY,trailers:_type_trailers=_dflt_trailers,episodes:_type_episodes=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.title=title\n  self.description=description\n  self.link=link\n  self.language=language\n  self.author=author\n  self.owner_name=owner_name\n  self.owner_email=owner_email\n  self.category=category\n  self.subcategory=subcategory\n  self.explicit=explicit\n  self.show_type=show_type\n  self.image=image\n  self.copyright=copyright\n  self.podcast_guid=podcast_guid\n  self.self_url=self_url\n  self.new_feed_url=new_feed_url\n  self.locked=locked\n  self.locked_owner=locked_owner\n  self.keywords=keywords\n  self.persons=persons\n  self.funding=funding\n  self.value=value\n  self.social=social\n  self.license=license\n  self.medium=medium\n  self.complete=complete\n  self.block=block\n  self.extra=_dflt_extra() if extra is _HAS_DEFAULT_FACTORY else extra\n  self.trailers=trailers\n  self.episodes=_dflt_episodes() if episodes is _HAS_DEFAULT_FACTORY else episodes\n return __init__': (_79, '__create_fn__'),
    "def __create_fn__(_type_title, _type_description, _type_url, _type_author, _type_email, _type_language, _type_category, _type_subcategory, _type_explicit, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_language, _dflt_category, _dflt_subcategory, _dflt_explicit, _return_type):\n def __init__(self,title:_type_title,description:_type_description,url:_type_url,author:_type_author,email:_type_email,language:_type_language=_dflt_language,category:_type_category=_dflt_category,subcategory:_type_subcategory=_dflt_subcategory,explicit:_type_explicit=_dflt_explicit)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['title']=title\n  __dataclass_self_dict__['description']=description\n  __dataclass_self_dict__['url']=url\n  __dataclass_self_dict__['author']=author\n  __dataclass_self_dict__['email']=email\n  __dataclass_self_dict__['language']=language\n  __dataclass_self_dict__['category']=category\n  __dataclass_self_dict__['subcategory']=subcategory\n  __dataclass_self_dict__['explicit']=explicit\n return __init__": (_80, '__create_fn__'),
    'def __create_fn__(_type_uploads, _type_deletions, _type_protected, _type_stale, _type_unchanged, _type_manifest, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_uploads, _dflt_deletions, _dflt_protected, _dflt_stale, _dflt_unchanged, _dflt_manifest, _return_type):\n def __init__(self,uploads:_type_uploads=_HAS_DEFAULT_FACTORY,deletions:_type_deletions=_HAS_DEFAULT_FACTORY,protected:_type_protected=_HAS_DEFAULT_FACTORY,stale:_type_stale=_HAS_DEFAULT_FACTORY,unchanged:_type_unchanged=_HAS_DEFAULT_FACTORY,manifest:_type_manifest=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.uploads=_dflt_uploads() if uploads is _HAS_DEFAULT_FACTORY else uploads\n  self.deletions=_dflt_deletions() if deletions is _HAS_DEFAULT_FACTORY else deletions\n  self.protected=_dflt_protected() if protected is _HAS_DEFAULT_FACTORY else protected\n  self.stale=_dflt_stale() if stale is _HAS_DEFAULT_FACTORY else stale\n  self.unchanged=_dflt_unchanged() if unchanged is _HAS_DEFAULT_FACTORY else unchanged\n  self.manifest=_dflt_manifest() if manifest is _HAS_DEFAULT_FACTORY else manifest\n return __init__': (_81, '__create_fn__'),
    'def __create_fn__(_type_url, _type_final_url, _type_status, _type_headers, _type_body, _type_truncated, _type_redirects, _type_error, _type_timed_out, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_final_url, _dflt_status, _dflt_headers, _dflt_body, _dflt_truncated, _dflt_redirects, _dflt_error, _dflt_timed_out, _return_type):\n def __init__(self,url:_type_url,final_url:_type_final_url=_dflt_final_url,status:_type_status=_dflt_status,headers:_type_headers=_HAS_DEFAULT_FACTORY,body:_type_body=_dflt_body,truncated:_type_truncated=_dflt_truncated,redirects:_type_redirects=_HAS_DEFAULT_FACTORY,error:_type_error=_dflt_error,timed_out:_type_timed_out=_dflt_timed_out)->_return_type:\n  self.url=url\n  self.final_url=final_url\n  self.status=status\n  self.headers=_dflt_headers() if headers is _HAS_DEFAULT_FACTORY else headers\n  self.body=body\n  self.truncated=truncated\n  self.redirects=_dflt_redirects() if redirects is _HAS_DEFAULT_FACTORY else redirects\n  self.error=error\n  self.timed_out=timed_out\n return __init__': (_82, '__create_fn__'),
    "def __create_fn__(_type_url, _type_mime, _type_language, _type_length, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_mime, _dflt_language, _dflt_length, _return_type):\n def __init__(self,url:_type_url,mime:_type_mime=_dflt_mime,language:_type_language=_dflt_language,length:_type_length=_dflt_length)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['url']=url\n  __dataclass_self_dict__['mime']=mime\n  __dataclass_self_dict__['language']=language\n  __dataclass_self_dict__['length']=length\n return __init__": (_83, '__create_fn__'),
    "def __create_fn__(_type_url, _type_mime, _type_rel, _type_language, _type_captions, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_rel, _dflt_language, _dflt_captions, _dflt_source, _return_type):\n def __init__(self,url:_type_url,mime:_type_mime,rel:_type_rel=_dflt_rel,language:_type_language=_dflt_language,captions:_type_captions=_dflt_captions,source:_type_source=_dflt_source)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['url']=url\n  __dataclass_self_dict__['mime']=mime\n  __dataclass_self_dict__['rel']=rel\n  __dataclass_self_dict__['language']=language\n  __dataclass_self_dict__['captions']=captions\n  __dataclass_self_dict__['source']=source\n return __init__": (_84, '__create_fn__'),
    "def __create_fn__(_type_url, _type_text, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _return_type):\n def __init__(self,url:_type_url,text:_type_text)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['url']=url\n  __dataclass_self_dict__['text']=text\n return __init__": (_85, '__create_fn__'),
    "def __create_fn__(_type_websub, _type_podcastindex, _type_podping, _type_timeout, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_websub, _dflt_podcastindex, _dflt_podping, _dflt_timeout, _return_type):\n def __init__(self,websub:_type_websub=_dflt_websub,podcastindex:_type_podcastindex=_dflt_podcastindex,podping:_type_podping=_dflt_podping,timeout:_type_timeout=_dflt_timeout)->_return_type:\n  __dataclass_self_dict__=self.__dict__\n  __dataclass_self_dict__['websub']=websub\n  __dataclass_self_dict__['podcastindex']=podcastindex\n  __dataclass_self_dict__['podping']=podping\n  __dataclass_self_dict__['timeout']=timeout\n return __init__": (_86, '__create_fn__'),
    'def __create_fn__(_type_written, _type_unchanged, _type_removed, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, _dflt_written, _dflt_unchanged, _dflt_removed, _return_type):\n def __init__(self,written:_type_written=_HAS_DEFAULT_FACTORY,unchanged:_type_unchanged=_dflt_unchanged,removed:_type_removed=_HAS_DEFAULT_FACTORY)->_return_type:\n  self.written=_dflt_written() if written is _HAS_DEFAULT_FACTORY else written\n  self.unchanged=unchanged\n  self.removed=_dflt_removed() if removed is _HAS_DEFAULT_FACTORY else removed\n return __init__': (_87, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'address\',\'type\',\'split\',\'name\',\'fee\',\'custom_key\',\'custom_value\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_88, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'at\',\'moov\',\'tables\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_89, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'code\',\'sets\',\'severity\',\'title\',\'explain\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_90, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'connect_timeout\',\'read_timeout\',\'deadline\',\'retries\',\'backoff\',\'workers\',\'max_redirects\',\'max_feed_bytes\',\'max_file_bytes\',\'probe_bytes\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_91, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'duration\',\'frames\',\'bitrate\',\'mode\',\'sample_rate\',\'channels\',\'header\',\'start\',\'end\',\'junk\',\'cut\',\'lead\',\'layer\',\'switch\',\'gap\',\'gap_at\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_92, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'episode\',\'media\',\'page_path\',\'page_url\',\'enclosure_path\',\'enclosure_url\',\'image_url\',\'image_path\',\'image_size\',\'chapters_url\',\'transcripts\',\'alternates\',\'embed_url\',\'oembed_url\',\'media_file\',\'notes\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_93, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'feed\',\'pages\',\'images\',\'media\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_94, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'feed_guid\',\'feed_url\',\'title\',\'item_guid\',\'medium\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_95, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'field\',\'old\',\'new\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_96, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'file\',\'code\',\'severity\',\'message\',\'field\',\'hint\',\'episode\',\'episodes\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_97, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'file\',\'mime\',\'url\',\'title\',\'default\',\'length\',\'bitrate\',\'integrity\',\'height\',\'lang\',\'rel\',\'codecs\',\'sources\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_98, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'guid\',\'url\',\'length\',\'duration\',\'title\',\'date\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_99, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'html\',\'description\',\'text\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_100, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'index\',\'source\',\'copy\',\'media_file\',\'wanted\',\'art\',\'rel\',\'media\',\'ffmpeg\',\'length\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_101, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'kind\',\'frames\',\'bytes\',\'sound\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_102, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'kind\',\'url\',\'field\',\'episode\',\'length\',\'mime\',\'duration\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_103, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'length\',\'samples\',\'sample_rate\',\'bitrate\',\'channels\',\'mpeg1\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_104, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'mime\',\'data\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_105, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'name\',\'bucket\',\'prefix\',\'region\',\'endpoint_url\',\'addressing\',\'profile\',\'acl\',\'cors\',\'cors_origins\',\'multipart_threshold\',\'multipart_chunk\',\'concurrency\',\'retries\',\'timeout\',\'checksums\',\'type\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_106, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'name\',\'destination\',\'ssh\',\'options\',\'type\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_107, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'name\',\'email\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_108, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'name\',\'geo\',\'osm\',\'rel\',\'country\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_109, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'name\',\'path\',\'type\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_110, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'name\',\'role\',\'group\',\'img\',\'href\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_111, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'name\',\'url\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_112, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'next_url\',\'prev_archive_url\',\'current_url\',\'complete\',\'first_url\',\'last_url\',\'previous_url\',\'next_archive_url\',\'archive\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_113, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'number\',\'name\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_114, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'parents\',\'attributes\',\'required\',\'single\',\'text_max\',\'text_required\',\'limits\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_115, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'path\',\'mime\',\'language\',\'generated\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_116, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'path\',\'size\',\'mime\',\'kind\',\'duration\',\'bitrate\',\'bitrate_mode\',\'sample_rate\',\'channels\',\'video\',\'height\',\'width\',\'picture_codec\',\'tags\',\'chapters\',\'has_cover\',\'lead\',\'declared\',\'codec\',\'chained\',\'index_last\',\'index_blocker\',\'rate_switch\',\'switch_at\',\'cut\',\'movie_length\',\'location\',\'gap\',\'gap_at\',\'sound_tracks\',\'enabled_sound\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_117, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'path\',\'size\',\'resumed\',\'announced\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_118, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'problems\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_119, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'protocol\',\'uri\',\'account_id\',\'account_url\',\'priority\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_120, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'recipients\',\'time_splits\',\'type\',\'method\',\'suggested\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_121, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'rel\',\'path\',\'size\',\'sha256\',\'type\',\'cache\',\'phase\',\'replaces\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_122, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'rel\',\'path\',\'size\',\'sha256\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_123, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'root\',\'title\',\'description\',\'url\',\'feed_url\',\'media_url\',\'language\',\'author\',\'owner\',\'category\',\'subcategory\',\'explicit\',\'type\',\'artwork\',\'artwork_alt\',\'copyright\',\'podcast_guid\',\'locked\',\'locked_owner\',\'funding\',\'persons\',\'license\',\'medium\',\'location\',\'keywords\',\'update_frequency\',\'update_rrule\',\'update_dtstart\',\'txt\',\'podroll\',\'value\',\'social\',\'chat\',\'publisher\',\'new_feed_url\',\'block\',\'block_services\',\'complete\',\'links\',\'support\',\'seasons\',\'feed_limit\',\'page_size\',\'checks_select\',\'checks_ignore\',\'tag_on_build\',\'words\',\'publish\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_124, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'server\',\'protocol\',\'account_id\',\'space\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_125, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'service\',\'url\',\'ok\',\'status\',\'message\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_126, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'sha256\',\'size\',\'type\',\'cache\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_127, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'slug\',\'number\',\'season\',\'date\',\'title\',\'duration\',\'status\',\'errors\',\'warnings\',\'guid\',\'episode_type\',\'unreadable\',\'reason\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_128, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'slug\',\'path\',\'audio\',\'guid\',\'title\',\'date\',\'season\',\'number\',\'episode_type\',\'draft\',\'duration\',\'problems\',\'chapters\',\'renamed\',\'renamed_because\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_129, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'slug\',\'source\',\'title\',\'date\',\'guid\',\'audio\',\'notes_markdown\',\'summary\',\'season\',\'number\',\'decimal_number\',\'episode_display\',\'episode_type\',\'explicit\',\'itunes_title\',\'artwork\',\'artwork_alt\',\'chat\',\'content_links\',\'transcripts\',\'chapters\',\'chapters_source\',\'persons\',\'soundbites\',\'location\',\'license\',\'funding\',\'alternate_enclosures\',\'keywords\',\'txt\',\'value\',\'social\',\'content_note\',\'block\',\'guid_permalink\',\'draft\',\'updated\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_130, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'slug\',\'where\',\'files\',\'identity\',\'racy\',\'others\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_131, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'speaker\',\'start\',\'text\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_132, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'start\',\'duration\',\'recipients\',\'remote_item\',\'remote_start\',\'remote_percentage\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_133, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'start\',\'duration\',\'title\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_134, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'start\',\'end\',\'text\',\'speaker\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_135, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'start\',\'title\',\'end\',\'url\',\'toc\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_136, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'start\',\'title\',\'url\',\'img\',\'toc\',\'end\',\'location\',\'geo\',\'origin\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_137, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'stem\',\'items\',\'paging\',\'number\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_138, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'targets\',\'default\',\'cache\',\'notify\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_139, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'title\',\'artist\',\'album_artist\',\'album\',\'track\',\'disc\',\'date\',\'genre\',\'comment\',\'short_description\',\'description\',\'podcast\',\'guid\',\'feed_url\',\'cover\',\'chapters\',\'id3_version\',\'leading_id3\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_140, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'title\',\'description\',\'url\',\'author\',\'email\',\'language\',\'category\',\'subcategory\',\'explicit\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_141, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'url\',\'mime\',\'language\',\'length\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_142, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'url\',\'mime\',\'rel\',\'language\',\'captions\',\'source\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_143, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'url\',\'text\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_144, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __delattr__(self,name):\n  if type(self) is cls or name in (\'websub\',\'podcastindex\',\'podping\',\'timeout\',):\n   raise FrozenInstanceError(f"cannot delete field {name!r}")\n  super(cls, self).__delattr__(name)\n return __delattr__': (_145, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'address\',\'type\',\'split\',\'name\',\'fee\',\'custom_key\',\'custom_value\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_146, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'at\',\'moov\',\'tables\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_147, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'code\',\'sets\',\'severity\',\'title\',\'explain\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_148, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'connect_timeout\',\'read_timeout\',\'deadline\',\'retries\',\'backoff\',\'workers\',\'max_redirects\',\'max_feed_bytes\',\'max_file_bytes\',\'probe_bytes\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_149, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'duration\',\'frames\',\'bitrate\',\'mode\',\'sample_rate\',\'channels\',\'header\',\'start\',\'end\',\'junk\',\'cut\',\'lead\',\'layer\',\'switch\',\'gap\',\'gap_at\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_150, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'episode\',\'media\',\'page_path\',\'page_url\',\'enclosure_path\',\'enclosure_url\',\'image_url\',\'image_path\',\'image_size\',\'chapters_url\',\'transcripts\',\'alternates\',\'embed_url\',\'oembed_url\',\'media_file\',\'notes\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_151, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'feed\',\'pages\',\'images\',\'media\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_152, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'feed_guid\',\'feed_url\',\'title\',\'item_guid\',\'medium\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_153, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'field\',\'old\',\'new\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_154, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'file\',\'code\',\'severity\',\'message\',\'field\',\'hint\',\'episode\',\'episodes\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_155, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'file\',\'mime\',\'url\',\'title\',\'default\',\'length\',\'bitrate\',\'integrity\',\'height\',\'lang\',\'rel\',\'codecs\',\'sources\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_156, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'guid\',\'url\',\'length\',\'duration\',\'title\',\'date\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_157, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'html\',\'description\',\'text\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_158, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'index\',\'source\',\'copy\',\'media_file\',\'wanted\',\'art\',\'rel\',\'media\',\'ffmpeg\',\'length\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_159, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'kind\',\'frames\',\'bytes\',\'sound\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_160, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'kind\',\'url\',\'field\',\'episode\',\'length\',\'mime\',\'duration\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_161, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'length\',\'samples\',\'sample_rate\',\'bitrate\',\'channels\',\'mpeg1\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_162, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'mime\',\'data\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_163, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'name\',\'bucket\',\'prefix\',\'region\',\'endpoint_url\',\'addressing\',\'profile\',\'acl\',\'cors\',\'cors_origins\',\'multipart_threshold\',\'multipart_chunk\',\'concurrency\',\'retries\',\'timeout\',\'checksums\',\'type\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_164, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'name\',\'destination\',\'ssh\',\'options\',\'type\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_165, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'name\',\'email\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_166, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'name\',\'geo\',\'osm\',\'rel\',\'country\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_167, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'name\',\'path\',\'type\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_168, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'name\',\'role\',\'group\',\'img\',\'href\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_169, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'name\',\'url\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_170, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'next_url\',\'prev_archive_url\',\'current_url\',\'complete\',\'first_url\',\'last_url\',\'previous_url\',\'next_archive_url\',\'archive\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_171, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'number\',\'name\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_172, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'parents\',\'attributes\',\'required\',\'single\',\'text_max\',\'text_required\',\'limits\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_173, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'path\',\'mime\',\'language\',\'generated\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_174, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'path\',\'size\',\'mime\',\'kind\',\'duration\',\'bitrate\',\'bitrate_mode\',\'sample_rate\',\'channels\',\'video\',\'height\',\'width\',\'picture_codec\',\'tags\',\'chapters\',\'has_cover\',\'lead\',\'declared\',\'codec\',\'chained\',\'index_last\',\'index_blocker\',\'rate_switch\',\'switch_at\',\'cut\',\'movie_length\',\'location\',\'gap\',\'gap_at\',\'sound_tracks\',\'enabled_sound\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_175, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'path\',\'size\',\'resumed\',\'announced\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_176, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'problems\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_177, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'protocol\',\'uri\',\'account_id\',\'account_url\',\'priority\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_178, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'recipients\',\'time_splits\',\'type\',\'method\',\'suggested\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_179, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'rel\',\'path\',\'size\',\'sha256\',\'type\',\'cache\',\'phase\',\'replaces\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_180, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'rel\',\'path\',\'size\',\'sha256\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_181, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'root\',\'title\',\'description\',\'url\',\'feed_url\',\'media_url\',\'language\',\'author\',\'owner\',\'category\',\'subcategory\',\'explicit\',\'type\',\'artwork\',\'artwork_alt\',\'copyright\',\'podcast_guid\',\'locked\',\'locked_owner\',\'funding\',\'persons\',\'license\',\'medium\',\'location\',\'keywords\',\'update_frequency\',\'update_rrule\',\'update_dtstart\',\'txt\',\'podroll\',\'value\',\'social\',\'chat\',\'publisher\',\'new_feed_url\',\'block\',\'block_services\',\'complete\',\'links\',\'support\',\'seasons\',\'feed_limit\',\'page_size\',\'checks_select\',\'checks_ignore\',\'tag_on_build\',\'words\',\'publish\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_182, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'server\',\'protocol\',\'account_id\',\'space\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_183, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'service\',\'url\',\'ok\',\'status\',\'message\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_184, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'sha256\',\'size\',\'type\',\'cache\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_185, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'slug\',\'number\',\'season\',\'date\',\'title\',\'duration\',\'status\',\'errors\',\'warnings\',\'guid\',\'episode_type\',\'unreadable\',\'reason\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_186, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'slug\',\'path\',\'audio\',\'guid\',\'title\',\'date\',\'season\',\'number\',\'episode_type\',\'draft\',\'duration\',\'problems\',\'chapters\',\'renamed\',\'renamed_because\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_187, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'slug\',\'source\',\'title\',\'date\',\'guid\',\'audio\',\'notes_markdown\',\'summary\',\'season\',\'number\',\'decimal_number\',\'episode_display\',\'episode_type\',\'explicit\',\'itunes_title\',\'artwork\',\'artwork_alt\',\'chat\',\'content_links\',\'transcripts\',\'chapters\',\'chapters_source\',\'persons\',\'soundbites\',\'location\',\'license\',\'funding\',\'alternate_enclosures\',\'keywords\',\'txt\',\'value\',\'social\',\'content_note\',\'block\',\'guid_permalink\',\'draft\',\'updated\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_188, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'slug\',\'where\',\'files\',\'identity\',\'racy\',\'others\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_189, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'speaker\',\'start\',\'text\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_190, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'start\',\'duration\',\'recipients\',\'remote_item\',\'remote_start\',\'remote_percentage\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_191, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'start\',\'duration\',\'title\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_192, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'start\',\'end\',\'text\',\'speaker\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_193, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'start\',\'title\',\'end\',\'url\',\'toc\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_194, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'start\',\'title\',\'url\',\'img\',\'toc\',\'end\',\'location\',\'geo\',\'origin\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_195, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'stem\',\'items\',\'paging\',\'number\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_196, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'targets\',\'default\',\'cache\',\'notify\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_197, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'title\',\'artist\',\'album_artist\',\'album\',\'track\',\'disc\',\'date\',\'genre\',\'comment\',\'short_description\',\'description\',\'podcast\',\'guid\',\'feed_url\',\'cover\',\'chapters\',\'id3_version\',\'leading_id3\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_198, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'title\',\'description\',\'url\',\'author\',\'email\',\'language\',\'category\',\'subcategory\',\'explicit\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_199, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'url\',\'mime\',\'language\',\'length\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_200, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'url\',\'mime\',\'rel\',\'language\',\'captions\',\'source\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_201, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'url\',\'text\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_202, '__create_fn__'),
    'def __create_fn__(cls, FrozenInstanceError):\n def __setattr__(self,name,value):\n  if type(self) is cls or name in (\'websub\',\'podcastindex\',\'podping\',\'timeout\',):\n   raise FrozenInstanceError(f"cannot assign to field {name!r}")\n  super(cls, self).__setattr__(name, value)\n return __setattr__': (_203, '__create_fn__'),
    'def dump_one(value):\n    return [\n        (v0 if (v0 := value.path).__class__ in plain else dump(v0)),\n        (v1 if (v1 := value.size).__class__ in plain else dump(v1)),\n        (v2 if (v2 := value.mime).__class__ in plain else dump(v2)),\n        (v3 if (v3 := value.kind).__class__ in plain else dump(v3)),\n        (v4 if (v4 := value.duration).__class__ in plain else dump(v4)),\n        (v5 if (v5 := value.bitrate).__class__ in plain else dump(v5)),\n        (v6 if (v6 := value.bitrate_mode).__class__ in plain else dump(v6)),\n        (v7 if (v7 := value.sample_rate).__class__ in plain else dump(v7)),\n        (v8 if (v8 := value.channels).__class__ in plain else dump(v8)),\n        (v9 if (v9 := value.video).__class__ in plain else dump(v9)),\n        (v10 if (v10 := value.height).__class__ in plain else dump(v10)),\n        (v11 if (v11 := value.width).__class__ in plain else dump(v11)),\n        (v12 if (v12 := value.picture_codec).__class__ in plain else dump(v12)),\n        (v13 if (v13 := value.tags).__class__ in plain else dump(v13)),\n        (v14 if (v14 := value.chapters).__class__ in plain else dump(v14)),\n        (v15 if (v15 := value.has_cover).__class__ in plain else dump(v15)),\n        (v16 if (v16 := value.lead).__class__ in plain else dump(v16)),\n        (v17 if (v17 := value.declared).__class__ in plain else dump(v17)),\n        (v18 if (v18 := value.codec).__class__ in plain else dump(v18)),\n        (v19 if (v19 := value.chained).__class__ in plain else dump(v19)),\n        (v20 if (v20 := value.index_last).__class__ in plain else dump(v20)),\n        (v21 if (v21 := value.index_blocker).__class__ in plain else dump(v21)),\n        (v22 if (v22 := value.rate_switch).__class__ in plain else dump(v22)),\n        (v23 if (v23 := value.switch_at).__class__ in plain else dump(v23)),\n        (v24 if (v24 := value.cut).__class__ in plain else dump(v24)),\n        (v25 if (v25 := value.movie_length).__class__ in plain else dump(v25)),\n        (v26 if (v26 := value.location).__class__ in plain else dump(v26)),\n        (v27 if (v27 := value.gap).__class__ in plain else dump(v27)),\n        (v28 if (v28 := value.gap_at).__class__ in plain else dump(v28)),\n        (v29 if (v29 := value.sound_tracks).__class__ in plain else dump(v29)),\n        (v30 if (v30 := value.enabled_sound).__class__ in plain else dump(v30)),\n    ]': (_204, 'dump_one'),
    'def dump_one(value):\n    return [\n        (v0 if (v0 := value.slug).__class__ in plain else dump(v0)),\n        (v1 if (v1 := value.source).__class__ in plain else dump(v1)),\n        (v2 if (v2 := value.title).__class__ in plain else dump(v2)),\n        (v3 if (v3 := value.date).__class__ in plain else dump(v3)),\n        (v4 if (v4 := value.guid).__class__ in plain else dump(v4)),\n        (v5 if (v5 := value.audio).__class__ in plain else dump(v5)),\n        (v6 if (v6 := value.notes_markdown).__class__ in plain else dump(v6)),\n        (v7 if (v7 := value.summary).__class__ in plain else dump(v7)),\n        (v8 if (v8 := value.season).__class__ in plain else dump(v8)),\n        (v9 if (v9 := value.number).__class__ in plain else dump(v9)),\n        (v10 if (v10 := value.decimal_number).__class__ in plain else dump(v10)),\n        (v11 if (v11 := value.episode_display).__class__ in plain else dump(v11)),\n        (v12 if (v12 := value.episode_type).__class__ in plain else dump(v12)),\n        (v13 if (v13 := value.explicit).__class__ in plain else dump(v13)),\n        (v14 if (v14 := value.itunes_title).__class__ in plain else dump(v14)),\n        (v15 if (v15 := value.artwork).__class__ in plain else dump(v15)),\n        (v16 if (v16 := value.artwork_alt).__class__ in plain else dump(v16)),\n        (v17 if (v17 := value.chat).__class__ in plain else dump(v17)),\n        (v18 if (v18 := value.content_links).__class__ in plain else dump(v18)),\n        (v19 if (v19 := value.transcripts).__class__ in plain else dump(v19)),\n        (v20 if (v20 := value.chapters).__class__ in plain else dump(v20)),\n        (v21 if (v21 := value.chapters_source).__class__ in plain else dump(v21)),\n        (v22 if (v22 := value.persons).__class__ in plain else dump(v22)),\n        (v23 if (v23 := value.soundbites).__class__ in plain else dump(v23)),\n        (v24 if (v24 := value.location).__class__ in plain else dump(v24)),\n        (v25 if (v25 := value.license).__class__ in plain else dump(v25)),\n        (v26 if (v26 := value.funding).__class__ in plain else dump(v26)),\n        (v27 if (v27 := value.alternate_enclosures).__class__ in plain else dump(v27)),\n        (v28 if (v28 := value.keywords).__class__ in plain else dump(v28)),\n        (v29 if (v29 := value.txt).__class__ in plain else dump(v29)),\n        (v30 if (v30 := value.value).__class__ in plain else dump(v30)),\n        (v31 if (v31 := value.social).__class__ in plain else dump(v31)),\n        (v32 if (v32 := value.content_note).__class__ in plain else dump(v32)),\n        (v33 if (v33 := value.block).__class__ in plain else dump(v33)),\n        (v34 if (v34 := value.guid_permalink).__class__ in plain else dump(v34)),\n        (v35 if (v35 := value.draft).__class__ in plain else dump(v35)),\n        (v36 if (v36 := value.updated).__class__ in plain else dump(v36)),\n    ]': (_205, 'dump_one'),
    "def dump_one(value):\n    return {\n        'name': (v0 if (v0 := value.name).__class__ in plain else dump(v0)),\n        'email': (v1 if (v1 := value.email).__class__ in plain else dump(v1)),\n    }": (_206, 'dump_one'),
    "def dump_one(value):\n    return {\n        'name': (v0 if (v0 := value.name).__class__ in plain else dump(v0)),\n        'geo': (v1 if (v1 := value.geo).__class__ in plain else dump(v1)),\n        'osm': (v2 if (v2 := value.osm).__class__ in plain else dump(v2)),\n        'rel': (v3 if (v3 := value.rel).__class__ in plain else dump(v3)),\n        'country': (v4 if (v4 := value.country).__class__ in plain else dump(v4)),\n    }": (_207, 'dump_one'),
    "def dump_one(value):\n    return {\n        'name': (v0 if (v0 := value.name).__class__ in plain else dump(v0)),\n        'role': (v1 if (v1 := value.role).__class__ in plain else dump(v1)),\n        'group': (v2 if (v2 := value.group).__class__ in plain else dump(v2)),\n        'img': (v3 if (v3 := value.img).__class__ in plain else dump(v3)),\n        'href': (v4 if (v4 := value.href).__class__ in plain else dump(v4)),\n    }": (_208, 'dump_one'),
    "def dump_one(value):\n    return {\n        'name': (v0 if (v0 := value.name).__class__ in plain else dump(v0)),\n        'url': (v1 if (v1 := value.url).__class__ in plain else dump(v1)),\n    }": (_209, 'dump_one'),
    "def dump_one(value):\n    return {\n        'number': (v0 if (v0 := value.number).__class__ in plain else dump(v0)),\n        'name': (v1 if (v1 := value.name).__class__ in plain else dump(v1)),\n    }": (_210, 'dump_one'),
    "def dump_one(value):\n    return {\n        'path': (v0 if (v0 := value.path).__class__ in plain else dump(v0)),\n        'mime': (v1 if (v1 := value.mime).__class__ in plain else dump(v1)),\n        'language': (v2 if (v2 := value.language).__class__ in plain else dump(v2)),\n        'generated': (v3 if (v3 := value.generated).__class__ in plain else dump(v3)),\n    }": (_211, 'dump_one'),
    "def dump_one(value):\n    return {\n        'root': (v0 if (v0 := value.root).__class__ in plain else dump(v0)),\n        'title': (v1 if (v1 := value.title).__class__ in plain else dump(v1)),\n        'description': (v2 if (v2 := value.description).__class__ in plain else dump(v2)),\n        'url': (v3 if (v3 := value.url).__class__ in plain else dump(v3)),\n        'feed_url': (v4 if (v4 := value.feed_url).__class__ in plain else dump(v4)),\n        'media_url': (v5 if (v5 := value.media_url).__class__ in plain else dump(v5)),\n        'language': (v6 if (v6 := value.language).__class__ in plain else dump(v6)),\n        'author': (v7 if (v7 := value.author).__class__ in plain else dump(v7)),\n        'owner': (v8 if (v8 := value.owner).__class__ in plain else dump(v8)),\n        'category': (v9 if (v9 := value.category).__class__ in plain else dump(v9)),\n        'subcategory': (v10 if (v10 := value.subcategory).__class__ in plain else dump(v10)),\n        'explicit': (v11 if (v11 := value.explicit).__class__ in plain else dump(v11)),\n        'type': (v12 if (v12 := value.type).__class__ in plain else dump(v12)),\n        'artwork': (v13 if (v13 := value.artwork).__class__ in plain else dump(v13)),\n        'artwork_alt': (v14 if (v14 := value.artwork_alt).__class__ in plain else dump(v14)),\n        'copyright': (v15 if (v15 := value.copyright).__class__ in plain else dump(v15)),\n        'podcast_guid': (v16 if (v16 := value.podcast_guid).__class__ in plain else dump(v16)),\n        'locked': (v17 if (v17 := value.locked).__class__ in plain else dump(v17)),\n        'locked_owner': (v18 if (v18 := value.locked_owner).__class__ in plain else dump(v18)),\n        'funding': (v19 if (v19 := value.funding).__class__ in plain else dump(v19)),\n        'persons': (v20 if (v20 := value.persons).__class__ in plain else dump(v20)),\n        'license': (v21 if (v21 := value.license).__class__ in plain else dump(v21)),\n        'medium': (v22 if (v22 := value.medium).__class__ in plain else dump(v22)),\n        'location': (v23 if (v23 := value.location).__class__ in plain else dump(v23)),\n        'keywords': (v24 if (v24 := value.keywords).__class__ in plain else dump(v24)),\n        'update_frequency': (v25 if (v25 := value.update_frequency).__class__ in plain else dump(v25)),\n        'update_rrule': (v26 if (v26 := value.update_rrule).__class__ in plain else dump(v26)),\n        'update_dtstart': (v27 if (v27 := value.update_dtstart).__class__ in plain else dump(v27)),\n        'txt': (v28 if (v28 := value.txt).__class__ in plain else dump(v28)),\n        'podroll': (v29 if (v29 := value.podroll).__class__ in plain else dump(v29)),\n        'value': (v30 if (v30 := value.value).__class__ in plain else dump(v30)),\n        'social': (v31 if (v31 := value.social).__class__ in plain else dump(v31)),\n        'chat': (v32 if (v32 := value.chat).__class__ in plain else dump(v32)),\n        'publisher': (v33 if (v33 := value.publisher).__class__ in plain else dump(v33)),\n        'new_feed_url': (v34 if (v34 := value.new_feed_url).__class__ in plain else dump(v34)),\n        'block': (v35 if (v35 := value.block).__class__ in plain else dump(v35)),\n        'block_services': (v36 if (v36 := value.block_services).__class__ in plain else dump(v36)),\n        'complete': (v37 if (v37 := value.complete).__class__ in plain else dump(v37)),\n        'links': (v38 if (v38 := value.links).__class__ in plain else dump(v38)),\n        'support': (v39 if (v39 := value.support).__class__ in plain else dump(v39)),\n        'seasons': (v40 if (v40 := value.seasons).__class__ in plain else dump(v40)),\n        'feed_limit': (v41 if (v41 := value.feed_limit).__class__ in plain else dump(v41)),\n        'page_size': (v42 if (v42 := value.page_size).__class__ in plain else dump(v42)),\n        'checks_select': (v43 if (v43 := value.checks_select).__class__ in plain else dump(v43)),\n        'checks_ignore': (v44 if (v44 := value.checks_ignore).__class__ in plain else dump(v44)),\n        'tag_on_build': (v45 if (v45 := value.tag_on_build).__class__ in plain else dump(v45)),\n        'words': (v46 if (v46 := value.words).__class__ in plain else dump(v46)),\n        'publish': (v47 if (v47 := value.publish).__class__ in plain else dump(v47)),\n    }": (_212, 'dump_one'),
    "def dump_one(value):\n    return {\n        'start': (v0 if (v0 := value.start).__class__ in plain else dump(v0)),\n        'duration': (v1 if (v1 := value.duration).__class__ in plain else dump(v1)),\n        'title': (v2 if (v2 := value.title).__class__ in plain else dump(v2)),\n    }": (_213, 'dump_one'),
    "def dump_one(value):\n    return {\n        'start': (v0 if (v0 := value.start).__class__ in plain else dump(v0)),\n        'title': (v1 if (v1 := value.title).__class__ in plain else dump(v1)),\n        'url': (v2 if (v2 := value.url).__class__ in plain else dump(v2)),\n        'img': (v3 if (v3 := value.img).__class__ in plain else dump(v3)),\n        'toc': (v4 if (v4 := value.toc).__class__ in plain else dump(v4)),\n        'end': (v5 if (v5 := value.end).__class__ in plain else dump(v5)),\n        'location': (v6 if (v6 := value.location).__class__ in plain else dump(v6)),\n        'geo': (v7 if (v7 := value.geo).__class__ in plain else dump(v7)),\n        'origin': (v8 if (v8 := value.origin).__class__ in plain else dump(v8)),\n    }": (_214, 'dump_one'),
    "def dump_one(value):\n    return {\n        'url': (v0 if (v0 := value.url).__class__ in plain else dump(v0)),\n        'text': (v1 if (v1 := value.text).__class__ in plain else dump(v1)),\n    }": (_215, 'dump_one'),
    "def load_one(data):\n    if data.__class__ is not dict or len(data) != 13 or tuple(data) != ('file', 'mime', 'url', 'title', 'default', 'length', 'bitrate', 'integrity', 'height', 'lang', 'rel', 'codecs', 'sources'):\n        return general(data)\n    (v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, ) = data.values()\n    if v0.__class__ is not t0:\n        v0 = f0(v0)\n    if v1.__class__ is not t1:\n        v1 = f1(v1)\n    if v2.__class__ is not t2:\n        v2 = f2(v2)\n    if v3.__class__ is not t3:\n        v3 = f3(v3)\n    if v4.__class__ is not t4:\n        v4 = f4(v4)\n    if v5.__class__ is not t5:\n        v5 = f5(v5)\n    if v6.__class__ is not t6:\n        v6 = f6(v6)\n    if v7.__class__ is not t7:\n        v7 = f7(v7)\n    if v8.__class__ is not t8:\n        v8 = f8(v8)\n    if v9.__class__ is not t9:\n        v9 = f9(v9)\n    if v10.__class__ is not t10:\n        v10 = f10(v10)\n    if v11.__class__ is not t11:\n        v11 = f11(v11)\n    v12 = () if v12.__class__ is list and not v12 else f12(v12)\n    return cls(v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, )": (_216, 'load_one'),
    "def load_one(data):\n    if data.__class__ is not dict or len(data) != 2 or tuple(data) != ('name', 'url'):\n        return general(data)\n    (v0, v1, ) = data.values()\n    if v0.__class__ is not t0:\n        v0 = f0(v0)\n    if v1.__class__ is not t1:\n        v1 = f1(v1)\n    return cls(v0, v1, )": (_217, 'load_one'),
    "def load_one(data):\n    if data.__class__ is not dict or len(data) != 2 or tuple(data) != ('number', 'name'):\n        return general(data)\n    (v0, v1, ) = data.values()\n    if v0.__class__ is not t0:\n        v0 = f0(v0)\n    if v1.__class__ is not t1:\n        v1 = f1(v1)\n    return cls(v0, v1, )": (_218, 'load_one'),
    "def load_one(data):\n    if data.__class__ is not dict or len(data) != 2 or tuple(data) != ('url', 'text'):\n        return general(data)\n    (v0, v1, ) = data.values()\n    if v0.__class__ is not t0:\n        v0 = f0(v0)\n    if v1.__class__ is not t1:\n        v1 = f1(v1)\n    return cls(v0, v1, )": (_219, 'load_one'),
    "def load_one(data):\n    if data.__class__ is not dict or len(data) != 3 or tuple(data) != ('start', 'duration', 'title'):\n        return general(data)\n    (v0, v1, v2, ) = data.values()\n    if v0.__class__ is not t0:\n        v0 = f0(v0)\n    if v1.__class__ is not t1:\n        v1 = f1(v1)\n    if v2.__class__ is not t2:\n        v2 = f2(v2)\n    return cls(v0, v1, v2, )": (_220, 'load_one'),
    "def load_one(data):\n    if data.__class__ is not dict or len(data) != 4 or tuple(data) != ('path', 'mime', 'language', 'generated'):\n        return general(data)\n    (v0, v1, v2, v3, ) = data.values()\n    if v0.__class__ is not t0:\n        v0 = f0(v0)\n    if v1.__class__ is not t1:\n        v1 = f1(v1)\n    if v2.__class__ is not t2:\n        v2 = f2(v2)\n    if v3.__class__ is not t3:\n        v3 = f3(v3)\n    return cls(v0, v1, v2, v3, )": (_221, 'load_one'),
    "def load_one(data):\n    if data.__class__ is not dict or len(data) != 4 or tuple(data) != ('server', 'protocol', 'account_id', 'space'):\n        return general(data)\n    (v0, v1, v2, v3, ) = data.values()\n    if v0.__class__ is not t0:\n        v0 = f0(v0)\n    if v1.__class__ is not t1:\n        v1 = f1(v1)\n    if v2.__class__ is not t2:\n        v2 = f2(v2)\n    if v3.__class__ is not t3:\n        v3 = f3(v3)\n    return cls(v0, v1, v2, v3, )": (_222, 'load_one'),
    "def load_one(data):\n    if data.__class__ is not dict or len(data) != 5 or tuple(data) != ('feed_guid', 'feed_url', 'title', 'item_guid', 'medium'):\n        return general(data)\n    (v0, v1, v2, v3, v4, ) = data.values()\n    if v0.__class__ is not t0:\n        v0 = f0(v0)\n    if v1.__class__ is not t1:\n        v1 = f1(v1)\n    if v2.__class__ is not t2:\n        v2 = f2(v2)\n    if v3.__class__ is not t3:\n        v3 = f3(v3)\n    if v4.__class__ is not t4:\n        v4 = f4(v4)\n    return cls(v0, v1, v2, v3, v4, )": (_223, 'load_one'),
    "def load_one(data):\n    if data.__class__ is not dict or len(data) != 5 or tuple(data) != ('name', 'geo', 'osm', 'rel', 'country'):\n        return general(data)\n    (v0, v1, v2, v3, v4, ) = data.values()\n    if v0.__class__ is not t0:\n        v0 = f0(v0)\n    if v1.__class__ is not t1:\n        v1 = f1(v1)\n    if v2.__class__ is not t2:\n        v2 = f2(v2)\n    if v3.__class__ is not t3:\n        v3 = f3(v3)\n    if v4.__class__ is not t4:\n        v4 = f4(v4)\n    return cls(v0, v1, v2, v3, v4, )": (_224, 'load_one'),
    "def load_one(data):\n    if data.__class__ is not dict or len(data) != 5 or tuple(data) != ('name', 'role', 'group', 'img', 'href'):\n        return general(data)\n    (v0, v1, v2, v3, v4, ) = data.values()\n    if v0.__class__ is not t0:\n        v0 = f0(v0)\n    if v1.__class__ is not t1:\n        v1 = f1(v1)\n    if v2.__class__ is not t2:\n        v2 = f2(v2)\n    if v3.__class__ is not t3:\n        v3 = f3(v3)\n    if v4.__class__ is not t4:\n        v4 = f4(v4)\n    return cls(v0, v1, v2, v3, v4, )": (_225, 'load_one'),
    "def load_one(data):\n    if data.__class__ is not dict or len(data) != 5 or tuple(data) != ('protocol', 'uri', 'account_id', 'account_url', 'priority'):\n        return general(data)\n    (v0, v1, v2, v3, v4, ) = data.values()\n    if v0.__class__ is not t0:\n        v0 = f0(v0)\n    if v1.__class__ is not t1:\n        v1 = f1(v1)\n    if v2.__class__ is not t2:\n        v2 = f2(v2)\n    if v3.__class__ is not t3:\n        v3 = f3(v3)\n    if v4 is not None:\n        v4 = f4(v4)\n    return cls(v0, v1, v2, v3, v4, )": (_226, 'load_one'),
    "def load_one(data):\n    if data.__class__ is not dict or len(data) != 5 or tuple(data) != ('recipients', 'time_splits', 'type', 'method', 'suggested'):\n        return general(data)\n    (v0, v1, v2, v3, v4, ) = data.values()\n    v0 = () if v0.__class__ is list and not v0 else f0(v0)\n    v1 = () if v1.__class__ is list and not v1 else f1(v1)\n    if v2.__class__ is not t2:\n        v2 = f2(v2)\n    if v3.__class__ is not t3:\n        v3 = f3(v3)\n    if v4.__class__ is not t4:\n        v4 = f4(v4)\n    return cls(v0, v1, v2, v3, v4, )": (_227, 'load_one'),
    "def load_one(data):\n    if data.__class__ is not dict or len(data) != 6 or tuple(data) != ('start', 'duration', 'recipients', 'remote_item', 'remote_start', 'remote_percentage'):\n        return general(data)\n    (v0, v1, v2, v3, v4, v5, ) = data.values()\n    if v0.__class__ is not t0:\n        v0 = f0(v0)\n    if v1.__class__ is not t1:\n        v1 = f1(v1)\n    v2 = () if v2.__class__ is list and not v2 else f2(v2)\n    if v3 is not None:\n        v3 = f3(v3)\n    if v4 is not None:\n        v4 = f4(v4)\n    if v5 is not None:\n        v5 = f5(v5)\n    return cls(v0, v1, v2, v3, v4, v5, )": (_228, 'load_one'),
    "def load_one(data):\n    if data.__class__ is not dict or len(data) != 7 or tuple(data) != ('address', 'type', 'split', 'name', 'fee', 'custom_key', 'custom_value'):\n        return general(data)\n    (v0, v1, v2, v3, v4, v5, v6, ) = data.values()\n    if v0.__class__ is not t0:\n        v0 = f0(v0)\n    if v1.__class__ is not t1:\n        v1 = f1(v1)\n    if v2.__class__ is not t2:\n        v2 = f2(v2)\n    if v3.__class__ is not t3:\n        v3 = f3(v3)\n    if v4.__class__ is not t4:\n        v4 = f4(v4)\n    if v5.__class__ is not t5:\n        v5 = f5(v5)\n    if v6.__class__ is not t6:\n        v6 = f6(v6)\n    return cls(v0, v1, v2, v3, v4, v5, v6, )": (_229, 'load_one'),
    "def load_one(data):\n    if data.__class__ is not dict or len(data) != 9 or tuple(data) != ('start', 'title', 'url', 'img', 'toc', 'end', 'location', 'geo', 'origin'):\n        return general(data)\n    (v0, v1, v2, v3, v4, v5, v6, v7, v8, ) = data.values()\n    if v0.__class__ is not t0:\n        v0 = f0(v0)\n    if v1.__class__ is not t1:\n        v1 = f1(v1)\n    if v2.__class__ is not t2:\n        v2 = f2(v2)\n    if v3.__class__ is not t3:\n        v3 = f3(v3)\n    if v4.__class__ is not t4:\n        v4 = f4(v4)\n    if v5 is not None:\n        v5 = f5(v5)\n    if v6.__class__ is not t6:\n        v6 = f6(v6)\n    if v7.__class__ is not t7:\n        v7 = f7(v7)\n    if v8.__class__ is not t8:\n        v8 = f8(v8)\n    return cls(v0, v1, v2, v3, v4, v5, v6, v7, v8, )": (_230, 'load_one'),
    "def load_row(data):\n    if data.__class__ is not list or len(data) != 31:\n        raise Mismatch('expected a list of 31 values')\n    (v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27, v28, v29, v30, ) = data\n    if v0.__class__ is not t0:\n        v0 = f0(v0)\n    if v1.__class__ is not t1:\n        v1 = f1(v1)\n    if v2.__class__ is not t2:\n        v2 = f2(v2)\n    if v3.__class__ is not t3:\n        v3 = f3(v3)\n    if v4.__class__ is not t4:\n        v4 = f4(v4)\n    if v5.__class__ is not t5:\n        v5 = f5(v5)\n    if v6.__class__ is not t6:\n        v6 = f6(v6)\n    if v7.__class__ is not t7:\n        v7 = f7(v7)\n    if v8.__class__ is not t8:\n        v8 = f8(v8)\n    if v9.__class__ is not t9:\n        v9 = f9(v9)\n    if v10.__class__ is not t10:\n        v10 = f10(v10)\n    if v11.__class__ is not t11:\n        v11 = f11(v11)\n    if v12.__class__ is not t12:\n        v12 = f12(v12)\n    v13 = f13(v13)\n    v14 = () if v14.__class__ is list and not v14 else f14(v14)\n    if v15.__class__ is not t15:\n        v15 = f15(v15)\n    if v16.__class__ is not t16:\n        v16 = f16(v16)\n    if v17.__class__ is not t17:\n        v17 = f17(v17)\n    if v18.__class__ is not t18:\n        v18 = f18(v18)\n    if v19.__class__ is not t19:\n        v19 = f19(v19)\n    if v20.__class__ is not t20:\n        v20 = f20(v20)\n    if v21.__class__ is not t21:\n        v21 = f21(v21)\n    if v22.__class__ is not t22:\n        v22 = f22(v22)\n    if v23.__class__ is not t23:\n        v23 = f23(v23)\n    if v24.__class__ is not t24:\n        v24 = f24(v24)\n    if v25.__class__ is not t25:\n        v25 = f25(v25)\n    if v26.__class__ is not t26:\n        v26 = f26(v26)\n    if v27.__class__ is not t27:\n        v27 = f27(v27)\n    if v28.__class__ is not t28:\n        v28 = f28(v28)\n    if v29.__class__ is not t29:\n        v29 = f29(v29)\n    if v30.__class__ is not t30:\n        v30 = f30(v30)\n    return cls(v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27, v28, v29, v30, )": (_231, 'load_row'),
    "def load_row(data):\n    if data.__class__ is not list or len(data) != 37:\n        raise Mismatch('expected a list of 37 values')\n    (v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27, v28, v29, v30, v31, v32, v33, v34, v35, v36, ) = data\n    if v0.__class__ is not t0:\n        v0 = f0(v0)\n    if v1.__class__ is not t1:\n        v1 = f1(v1)\n    if v2.__class__ is not t2:\n        v2 = f2(v2)\n    v3 = f3(v3)\n    if v4.__class__ is not t4:\n        v4 = f4(v4)\n    if v5.__class__ is not t5:\n        v5 = f5(v5)\n    if v6.__class__ is not t6:\n        v6 = f6(v6)\n    if v7.__class__ is not t7:\n        v7 = f7(v7)\n    if v8 is not None:\n        v8 = f8(v8)\n    if v9 is not None:\n        v9 = f9(v9)\n    if v10 is not None:\n        v10 = f10(v10)\n    if v11.__class__ is not t11:\n        v11 = f11(v11)\n    if v12.__class__ is not t12:\n        v12 = f12(v12)\n    if v13 is not None:\n        v13 = f13(v13)\n    if v14.__class__ is not t14:\n        v14 = f14(v14)\n    if v15.__class__ is not t15:\n        v15 = f15(v15)\n    if v16.__class__ is not t16:\n        v16 = f16(v16)\n    if v17 is not None:\n        v17 = f17(v17)\n    v18 = () if v18.__class__ is list and not v18 else f18(v18)\n    v19 = () if v19.__class__ is list and not v19 else f19(v19)\n    v20 = () if v20.__class__ is list and not v20 else f20(v20)\n    if v21.__class__ is not t21:\n        v21 = f21(v21)\n    v22 = () if v22.__class__ is list and not v22 else f22(v22)\n    v23 = () if v23.__class__ is list and not v23 else f23(v23)\n    v24 = () if v24.__class__ is list and not v24 else f24(v24)\n    if v25 is not None:\n        v25 = f25(v25)\n    v26 = () if v26.__class__ is list and not v26 else f26(v26)\n    v27 = () if v27.__class__ is list and not v27 else f27(v27)\n    v28 = () if v28.__class__ is list and not v28 else f28(v28)\n    v29 = () if v29.__class__ is list and not v29 else f29(v29)\n    v30 = () if v30.__class__ is list and not v30 else f30(v30)\n    v31 = () if v31.__class__ is list and not v31 else f31(v31)\n    if v32.__class__ is not t32:\n        v32 = f32(v32)\n    if v33.__class__ is not t33:\n        v33 = f33(v33)\n    if v34.__class__ is not t34:\n        v34 = f34(v34)\n    if v35.__class__ is not t35:\n        v35 = f35(v35)\n    if v36 is not None:\n        v36 = f36(v36)\n    return cls(v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16, v17, v18, v19, v20, v21, v22, v23, v24, v25, v26, v27, v28, v29, v30, v31, v32, v33, v34, v35, v36, )": (_232, 'load_row'),
    "def replace_one(value, cover):\n    __replace_old__ = value.__dict__\n    if value.__class__ is cls and len(__replace_old__) == 18:\n        __replace_state__ = __replace_old__.copy()\n        __replace_state__['cover'] = cover\n        __replace_made__ = __replace_new__(cls)\n        __replace_set__(__replace_made__, '__dict__', __replace_state__)\n        return __replace_made__\n    return cls(value.title, value.artist, value.album_artist, value.album, value.track, value.disc, value.date, value.genre, value.comment, value.short_description, value.description, value.podcast, value.guid, value.feed_url, cover, value.chapters, value.id3_version, value.leading_id3)": (_233, 'replace_one'),
    "def replace_one(value, id3_version, leading_id3, short_description):\n    __replace_old__ = value.__dict__\n    if value.__class__ is cls and len(__replace_old__) == 18:\n        __replace_state__ = __replace_old__.copy()\n        __replace_state__['id3_version'] = id3_version\n        __replace_state__['leading_id3'] = leading_id3\n        __replace_state__['short_description'] = short_description\n        __replace_made__ = __replace_new__(cls)\n        __replace_set__(__replace_made__, '__dict__', __replace_state__)\n        return __replace_made__\n    return cls(value.title, value.artist, value.album_artist, value.album, value.track, value.disc, value.date, value.genre, value.comment, short_description, value.description, value.podcast, value.guid, value.feed_url, value.cover, value.chapters, id3_version, leading_id3)": (_234, 'replace_one'),
    "def replace_one(value, leading_id3, short_description):\n    __replace_old__ = value.__dict__\n    if value.__class__ is cls and len(__replace_old__) == 18:\n        __replace_state__ = __replace_old__.copy()\n        __replace_state__['leading_id3'] = leading_id3\n        __replace_state__['short_description'] = short_description\n        __replace_made__ = __replace_new__(cls)\n        __replace_set__(__replace_made__, '__dict__', __replace_state__)\n        return __replace_made__\n    return cls(value.title, value.artist, value.album_artist, value.album, value.track, value.disc, value.date, value.genre, value.comment, short_description, value.description, value.podcast, value.guid, value.feed_url, value.cover, value.chapters, value.id3_version, leading_id3)": (_235, 'replace_one'),
    "def replace_one(value, media, media_file):\n    __replace_old__ = value.__dict__\n    if value.__class__ is cls and len(__replace_old__) == 16:\n        __replace_state__ = __replace_old__.copy()\n        __replace_state__['media'] = media\n        __replace_state__['media_file'] = media_file\n        __replace_made__ = __replace_new__(cls)\n        __replace_set__(__replace_made__, '__dict__', __replace_state__)\n        return __replace_made__\n    return cls(value.episode, media, value.page_path, value.page_url, value.enclosure_path, value.enclosure_url, value.image_url, value.image_path, value.image_size, value.chapters_url, value.transcripts, value.alternates, value.embed_url, value.oembed_url, media_file, value.notes)": (_236, 'replace_one'),
    "def replace_one(value, notes):\n    __replace_old__ = value.__dict__\n    if value.__class__ is cls and len(__replace_old__) == 16:\n        __replace_state__ = __replace_old__.copy()\n        __replace_state__['notes'] = notes\n        __replace_made__ = __replace_new__(cls)\n        __replace_set__(__replace_made__, '__dict__', __replace_state__)\n        return __replace_made__\n    return cls(value.episode, value.media, value.page_path, value.page_url, value.enclosure_path, value.enclosure_url, value.image_url, value.image_path, value.image_size, value.chapters_url, value.transcripts, value.alternates, value.embed_url, value.oembed_url, value.media_file, notes)": (_237, 'replace_one'),
    "def replace_one(value, size):\n    __replace_old__ = value.__dict__\n    if value.__class__ is cls and len(__replace_old__) == 31:\n        __replace_state__ = __replace_old__.copy()\n        __replace_state__['size'] = size\n        __replace_made__ = __replace_new__(cls)\n        __replace_set__(__replace_made__, '__dict__', __replace_state__)\n        return __replace_made__\n    return cls(value.path, size, value.mime, value.kind, value.duration, value.bitrate, value.bitrate_mode, value.sample_rate, value.channels, value.video, value.height, value.width, value.picture_codec, value.tags, value.chapters, value.has_cover, value.lead, value.declared, value.codec, value.chained, value.index_last, value.index_blocker, value.rate_switch, value.switch_at, value.cut, value.movie_length, value.location, value.gap, value.gap_at, value.sound_tracks, value.enabled_sound)": (_238, 'replace_one'),
    "def replace_one(value, size, tags, has_cover, chapters):\n    __replace_old__ = value.__dict__\n    if value.__class__ is cls and len(__replace_old__) == 31:\n        __replace_state__ = __replace_old__.copy()\n        __replace_state__['size'] = size\n        __replace_state__['tags'] = tags\n        __replace_state__['has_cover'] = has_cover\n        __replace_state__['chapters'] = chapters\n        __replace_made__ = __replace_new__(cls)\n        __replace_set__(__replace_made__, '__dict__', __replace_state__)\n        return __replace_made__\n    return cls(value.path, size, value.mime, value.kind, value.duration, value.bitrate, value.bitrate_mode, value.sample_rate, value.channels, value.video, value.height, value.width, value.picture_codec, tags, chapters, has_cover, value.lead, value.declared, value.codec, value.chained, value.index_last, value.index_blocker, value.rate_switch, value.switch_at, value.cut, value.movie_length, value.location, value.gap, value.gap_at, value.sound_tracks, value.enabled_sound)": (_239, 'replace_one'),
}
